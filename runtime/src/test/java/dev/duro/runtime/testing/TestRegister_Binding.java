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

/** Hand-written binding of {@link TestRegister}, encoding as generated bindings do. */
public final class TestRegister_Binding implements ObjectBinding<TestRegister> {
  public TestRegister_Binding() {}

  @Override
  public String namespace() {
    return TestRegister.NAMESPACE;
  }

  @Override
  public Class<TestRegister> objectClass() {
    return TestRegister.class;
  }

  @Override
  public List<String> methodNames() {
    return List.of("set", "get", "setAlarmIn");
  }

  @Override
  public List<String> fieldNames() {
    return List.of("value");
  }

  @Override
  public TestRegister newInstance(ObjectContext context) {
    return new TestRegister(context);
  }

  @Override
  public Invocation<TestRegister> decode(String method, byte[] request) {
    switch (method) {
      case "set":
        {
          byte[] value = bytes(request);
          return o -> {
            o.set(value);
            return new byte[0];
          };
        }
      case "get":
        return o -> bytesMessage(o.get());
      case "setAlarmIn":
        {
          long millis = TestCounterStub.int64(request);
          return o -> {
            o.setAlarmIn(millis);
            return new byte[0];
          };
        }
      default:
        throw new UnknownMethodException(
            "Namespace test.Register has no method '" + method + "'; it has " + methodNames());
    }
  }

  @Override
  public void writeFields(TestRegister object, FieldSink sink) {
    sink.put("value", bytesMessage(object.value));
  }

  @Override
  public void readFields(TestRegister object, FieldSource source) {
    byte[] b = source.get("value");
    object.value = b == null ? null : bytes(b);
  }

  @Override
  public void onActivate(TestRegister object) {}

  @Override
  public boolean hasAlarm() {
    return false;
  }

  @Override
  public void fireAlarm(TestRegister object, AlarmInfo info) {}

  /** Field 1 of {@code message} as bytes, or null if absent. */
  public static byte[] bytes(byte[] message) {
    ProtoReader r = new ProtoReader(message);
    byte[] v = null;
    for (int tag; (tag = r.readTag()) != 0; ) {
      if (WireType.fieldNumber(tag) == 1) {
        v = r.readBytes(tag);
      } else {
        r.skip(tag);
      }
    }
    return v;
  }

  /** A message whose field 1 is {@code value}; empty if null. */
  public static byte[] bytesMessage(byte[] value) {
    ProtoWriter w = new ProtoWriter();
    if (value != null) {
      w.writeBytes(1, value);
    }
    return w.toByteArray();
  }
}
