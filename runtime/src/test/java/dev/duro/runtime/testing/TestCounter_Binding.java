package dev.duro.runtime.testing;

import dev.duro.AlarmInfo;
import dev.duro.ObjectContext;
import dev.duro.UnknownMethodException;
import dev.duro.binding.FieldSink;
import dev.duro.binding.FieldSource;
import dev.duro.binding.Invocation;
import dev.duro.binding.ObjectBinding;
import dev.duro.codec.ProtoReader;
import dev.duro.codec.ProtoWriter;
import dev.duro.codec.WireType;
import java.util.List;

/**
 * Hand-written binding of {@link TestCounter}, encoding exactly as generated bindings do: request
 * field i+1 = parameter i, reply field 1 = result, each {@code @Persist} field stored as a message
 * whose field 1 is the value; proto3 defaults (0, null) are omitted, so a default encodes to empty
 * bytes. Not registered with {@link java.util.ServiceLoader}: pass it explicitly.
 */
public final class TestCounter_Binding implements ObjectBinding<TestCounter> {
  private static final List<String> METHODS =
      List.of(
          "increment",
          "get",
          "incrementThenFail",
          "setNote",
          "note",
          "put",
          "read",
          "remove",
          "putReadDelete",
          "putSized",
          "setAlarm",
          "alarm",
          "deleteAlarm",
          "failAlarms",
          "rearmOnAlarm",
          "alarmAttempts",
          "alarmsFired",
          "activationLog",
          "myName",
          "now",
          "leakContext",
          "await");
  private static final List<String> FIELDS = List.of("count", "note", "alarmsFired");

  public TestCounter_Binding() {}

  @Override
  public String namespace() {
    return TestCounter.NAMESPACE;
  }

  @Override
  public Class<TestCounter> objectClass() {
    return TestCounter.class;
  }

  @Override
  public List<String> methodNames() {
    return METHODS;
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public TestCounter newInstance(ObjectContext context) {
    return new TestCounter(context);
  }

  @Override
  public Invocation<TestCounter> decode(String method, byte[] request) {
    Args a = new Args(request);
    switch (method) {
      case "increment":
        {
          long by = a.int64(1);
          return o -> int64Reply(o.increment(by));
        }
      case "get":
        return o -> int64Reply(o.get());
      case "incrementThenFail":
        {
          long by = a.int64(1);
          return o -> int64Reply(o.incrementThenFail(by));
        }
      case "setNote":
        {
          String note = a.string(1);
          return o -> {
            o.setNote(note);
            return new byte[0];
          };
        }
      case "note":
        return o -> stringReply(o.note());
      case "put":
        {
          String key = a.string(1);
          String value = a.string(2);
          return o -> {
            o.put(key, value);
            return new byte[0];
          };
        }
      case "read":
        {
          String key = a.string(1);
          return o -> stringReply(o.read(key));
        }
      case "remove":
        {
          String key = a.string(1);
          return o -> boolReply(o.remove(key));
        }
      case "putReadDelete":
        {
          String key = a.string(1);
          String value = a.string(2);
          return o -> stringReply(o.putReadDelete(key, value));
        }
      case "putSized":
        {
          int k = (int) a.int64(1);
          int v = (int) a.int64(2);
          return o -> {
            o.putSized(k, v);
            return new byte[0];
          };
        }
      case "setAlarm":
        {
          long at = a.int64(1);
          return o -> {
            o.setAlarm(at);
            return new byte[0];
          };
        }
      case "alarm":
        return o -> int64Reply(o.alarm());
      case "deleteAlarm":
        return o -> {
          o.deleteAlarm();
          return new byte[0];
        };
      case "failAlarms":
        {
          int n = (int) a.int64(1);
          return o -> {
            o.failAlarms(n);
            return new byte[0];
          };
        }
      case "rearmOnAlarm":
        {
          long d = a.int64(1);
          return o -> {
            o.rearmOnAlarm(d);
            return new byte[0];
          };
        }
      case "alarmAttempts":
        return o -> stringReply(o.alarmAttempts());
      case "alarmsFired":
        return o -> int64Reply(o.alarmsFired());
      case "activationLog":
        return o -> stringReply(o.activationLog());
      case "myName":
        return o -> stringReply(o.myName());
      case "now":
        return o -> int64Reply(o.now());
      case "leakContext":
        return o -> {
          o.leakContext();
          return new byte[0];
        };
      case "await":
        {
          String latch = a.string(1);
          return o -> {
            o.await(latch);
            return new byte[0];
          };
        }
      default:
        throw new UnknownMethodException(
            "Namespace TestCounter has no method '" + method + "'; it has " + METHODS);
    }
  }

  @Override
  public void writeFields(TestCounter object, FieldSink sink) {
    ProtoWriter w = new ProtoWriter();
    if (object.count != 0) {
      w.writeInt64(1, object.count);
    }
    sink.put("count", w.toByteArray());
    w = new ProtoWriter();
    if (object.note != null) {
      w.writeString(1, object.note);
    }
    sink.put("note", w.toByteArray());
    w = new ProtoWriter();
    if (object.alarmsFired != 0) {
      w.writeInt32(1, object.alarmsFired);
    }
    sink.put("alarmsFired", w.toByteArray());
  }

  @Override
  public void readFields(TestCounter object, FieldSource source) {
    byte[] b = source.get("count");
    object.count = b == null ? 0 : new Args(b).int64(1);
    b = source.get("note");
    object.note = b == null ? null : new Args(b).string(1);
    b = source.get("alarmsFired");
    object.alarmsFired = b == null ? 0 : (int) new Args(b).int64(1);
  }

  @Override
  public void onActivate(TestCounter object) {
    object.activated();
  }

  @Override
  public boolean hasAlarm() {
    return true;
  }

  @Override
  public void fireAlarm(TestCounter object, AlarmInfo info) {
    object.onAlarm(info);
  }

  static byte[] int64Reply(long v) {
    ProtoWriter w = new ProtoWriter();
    if (v != 0) {
      w.writeInt64(1, v);
    }
    return w.toByteArray();
  }

  static byte[] boolReply(boolean v) {
    ProtoWriter w = new ProtoWriter();
    if (v) {
      w.writeBool(1, true);
    }
    return w.toByteArray();
  }

  static byte[] stringReply(String v) {
    ProtoWriter w = new ProtoWriter();
    if (v != null) {
      w.writeString(1, v);
    }
    return w.toByteArray();
  }

  /**
   * A decoded message of up to 8 fields, each a varint or a string (all the test objects need).
   * Absent fields read as 0 / null; unknown fields are skipped.
   */
  static final class Args {
    private final long[] varints = new long[9];
    private final String[] strings = new String[9];

    Args(byte[] message) {
      ProtoReader r = new ProtoReader(message);
      for (int tag; (tag = r.readTag()) != 0; ) {
        int field = WireType.fieldNumber(tag);
        if (field > 8) {
          r.skip(tag);
        } else if (WireType.wireType(tag) == WireType.LEN) {
          strings[field] = r.readString(tag);
        } else {
          varints[field] = r.readInt64(tag);
        }
      }
    }

    long int64(int field) {
      return varints[field];
    }

    String string(int field) {
      return strings[field];
    }
  }
}
