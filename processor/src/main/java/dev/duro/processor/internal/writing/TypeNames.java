package dev.duro.processor.internal.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.duro.processor.internal.model.ScalarType;
import dev.duro.processor.internal.model.TypeShape;

/**
 * Every type generated code refers to, by name. The processor never loads these classes: generated
 * code links against them, the processor does not.
 */
public final class TypeNames {
  public static final ClassName OBJECT_ID = ClassName.get("dev.duro", "ObjectId");
  public static final ClassName OBJECT_CONTEXT = ClassName.get("dev.duro", "ObjectContext");
  public static final ClassName ALARM_INFO = ClassName.get("dev.duro", "AlarmInfo");
  public static final ClassName NAMESPACE = ClassName.get("dev.duro", "Namespace");
  public static final ClassName DURO_EXCEPTION = ClassName.get("dev.duro", "DuroException");
  public static final ClassName REMOTE_FAILURE_EXCEPTION =
      ClassName.get("dev.duro", "RemoteFailureException");
  public static final ClassName UNKNOWN_METHOD_EXCEPTION =
      ClassName.get("dev.duro", "UnknownMethodException");
  public static final ClassName DEADLINE_EXCEEDED_EXCEPTION =
      ClassName.get("dev.duro", "DeadlineExceededException");

  public static final ClassName INVOKER = ClassName.get("dev.duro.binding", "Invoker");
  public static final ClassName CALLS = ClassName.get("dev.duro.binding", "Calls");
  public static final ClassName CALL_CONTEXT = ClassName.get("dev.duro.binding", "CallContext");
  public static final ClassName OBJECT_BINDING = ClassName.get("dev.duro.binding", "ObjectBinding");
  public static final ClassName INVOCATION = ClassName.get("dev.duro.binding", "Invocation");
  public static final ClassName STREAM_INVOCATION =
      ClassName.get("dev.duro.binding", "StreamInvocation");
  public static final ClassName STREAMS = ClassName.get("dev.duro.binding", "Streams");
  public static final ClassName CALL_HANDLER = ClassName.get("dev.duro.binding", "CallHandler");
  public static final ClassName FIELD_SINK = ClassName.get("dev.duro.binding", "FieldSink");
  public static final ClassName FIELD_SOURCE = ClassName.get("dev.duro.binding", "FieldSource");
  public static final ClassName DURO_GENERATED = ClassName.get("dev.duro.binding", "DuroGenerated");
  public static final ClassName STORAGE_MAP = ClassName.get("dev.duro.binding", "StorageMap");
  public static final ClassName MAP_KEY_CODECS = ClassName.get("dev.duro.binding", "MapKeyCodecs");

  public static final ClassName PROTO_WRITER = ClassName.get("dev.duro.codec", "ProtoWriter");
  public static final ClassName PROTO_READER = ClassName.get("dev.duro.codec", "ProtoReader");
  public static final ClassName WIRE_TYPE = ClassName.get("dev.duro.codec", "WireType");
  public static final ClassName CODEC_EXCEPTION = ClassName.get("dev.duro.codec", "CodecException");
  public static final ClassName VALUE_CODEC = ClassName.get("dev.duro.codec", "ValueCodec");
  public static final ClassName VALUE_CODECS = ClassName.get("dev.duro.codec", "ValueCodecs");

  public static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  public static final ClassName FLOW_PUBLISHER =
      ClassName.get("java.util.concurrent", "Flow", "Publisher");
  public static final ClassName DURATION = ClassName.get("java.time", "Duration");
  public static final ClassName TIME_UNIT = ClassName.get("java.util.concurrent", "TimeUnit");
  public static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  public static final ClassName COMPLETABLE_FUTURE =
      ClassName.get("java.util.concurrent", "CompletableFuture");
  public static final ClassName LIST = ClassName.get("java.util", "List");
  public static final ClassName SET = ClassName.get("java.util", "Set");
  public static final ClassName MAP = ClassName.get("java.util", "Map");
  public static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  public static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  public static final ClassName LINKED_HASH_SET = ClassName.get("java.util", "LinkedHashSet");
  public static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  public static final ClassName CODECS = ClassName.get("dev.duro.codec", "Codecs");
  public static final ClassName INVALID_PROTOCOL_BUFFER =
      ClassName.get("com.google.protobuf", "InvalidProtocolBufferException");
  public static final ClassName SERVICE_LOADER = ClassName.get("java.util", "ServiceLoader");

  public static final ArrayTypeName BYTE_ARRAY = ArrayTypeName.of(TypeName.BYTE);

  private TypeNames() {}

  /** The Java type of values of {@code shape}; {@code void} for no value. */
  public static TypeName of(TypeShape shape) {
    if (shape instanceof TypeShape.Scalar) {
      return of(((TypeShape.Scalar) shape).type());
    }
    if (shape instanceof TypeShape.VoidShape) {
      return TypeName.VOID;
    }
    return Shapes.javaType(shape);
  }

  /** The Java type of values of {@code type}. */
  public static TypeName of(ScalarType type) {
    switch (type) {
      case BOOLEAN:
        return TypeName.BOOLEAN;
      case BYTE:
        return TypeName.BYTE;
      case SHORT:
        return TypeName.SHORT;
      case CHAR:
        return TypeName.CHAR;
      case INT:
        return TypeName.INT;
      case LONG:
        return TypeName.LONG;
      case FLOAT:
        return TypeName.FLOAT;
      case DOUBLE:
        return TypeName.DOUBLE;
      case STRING:
        return ClassName.get(String.class);
      case BYTES:
        return BYTE_ARRAY;
      default:
        return of(type.primitive()).box();
    }
  }
}
