package dev.duro.processor.internal.writing;

import dev.duro.codec.ProtoWriter;
import dev.duro.processor.internal.model.ObjectModel;
import dev.duro.processor.internal.model.ParameterModel;
import dev.duro.processor.internal.model.RpcModel;
import dev.duro.processor.internal.model.ScalarType;
import dev.duro.processor.internal.model.TypeRegistry;
import dev.duro.processor.internal.model.TypeShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The proto3 schema of one object class: its service, the request and response message of every
 * {@code @Rpc} method, and every record, enum and wrapper message its codecs use, described exactly
 * as {@link ValueCode} and {@link WireCode} write them. Rendered twice, from the same model, so the
 * two cannot disagree: as {@code .proto} text ({@link #text()}) and as a serialized {@code
 * google.protobuf.FileDescriptorProto} ({@link #descriptor()}) for gRPC reflection.
 *
 * <p>Mapping, per position (see {@link ValueCode}): top-level values that may be null (boxes,
 * {@code String}, {@code byte[]}, enums, {@code UUID}) are proto3 {@code optional} fields, since
 * Duro writes {@code 0} and {@code ""} when they are non-null; inside records they are plain proto3
 * fields (defaults left out). {@code Optional<T>} is an {@code optional} field (a plain message
 * field for message contents, which always have presence). Protobuf message classes from {@code
 * com.google.protobuf} (the well-known types) are referenced by name and their file imported; any
 * other protobuf message class is declared {@code bytes}, which is wire-identical to an embedded
 * message, because its {@code .proto} file name is not knowable at compile time.
 */
final class ProtoSchema {
  /** Field types of {@code FieldDescriptorProto.Type}. */
  private enum Kind {
    DOUBLE(1, "double"),
    FLOAT(2, "float"),
    INT64(3, "int64"),
    INT32(5, "int32"),
    BOOL(8, "bool"),
    STRING(9, "string"),
    MESSAGE(11, null),
    BYTES(12, "bytes"),
    ENUM(14, null);

    final int number;
    final @Nullable String keyword;

    Kind(int number, @Nullable String keyword) {
      this.number = number;
      this.keyword = keyword;
    }
  }

  /** A field type: a scalar kind, or a message or enum with its name as written in the text. */
  private record Type(Kind kind, String name, String fullName) {
    static Type scalar(Kind kind) {
      return new Type(kind, kind.keyword, "");
    }
  }

  private enum Label {
    SINGULAR,
    OPTIONAL,
    REPEATED,
    MAP
  }

  /** One field; for {@link Label#MAP}, {@code type} is the value and {@code key} the key type. */
  private record FieldDef(
      String name, int number, Label label, Type type, @Nullable Type key, String comment) {}

  private record MessageDef(String name, List<FieldDef> fields, String comment) {}

  private record EnumDef(String name, List<String> values, List<Integer> numbers, String comment) {}

  /** One rpc; a streaming method's response message is each event. */
  private record MethodDef(String name, String request, String response, boolean serverStreaming) {}

  /** Well-known protobuf messages: Java class → (proto full name, file). */
  private static final Map<String, String[]> WELL_KNOWN = new HashMap<>();

  static {
    wellKnown("timestamp", "Timestamp");
    wellKnown("duration", "Duration");
    wellKnown("any", "Any");
    wellKnown("empty", "Empty");
    wellKnown("field_mask", "FieldMask");
    wellKnown("struct", "Struct", "Value", "ListValue");
    wellKnown(
        "wrappers",
        "DoubleValue",
        "FloatValue",
        "Int64Value",
        "UInt64Value",
        "Int32Value",
        "UInt32Value",
        "BoolValue",
        "StringValue",
        "BytesValue");
  }

  private static void wellKnown(String file, String... names) {
    for (String n : names) {
      WELL_KNOWN.put(
          "com.google.protobuf." + n,
          new String[] {"google.protobuf." + n, "google/protobuf/" + file + ".proto"});
    }
  }

  private final Shapes shapes;
  private final String fileName;
  private final String protoPackage;
  private final String serviceName;
  private final Set<String> imports = new TreeSet<>();
  private final List<MessageDef> messages = new ArrayList<>();
  private final List<EnumDef> enums = new ArrayList<>();
  private final List<MethodDef> methods = new ArrayList<>();

  private ProtoSchema(ObjectModel model) {
    this.shapes = new Shapes(model);
    this.fileName = path(model, ".proto").substring("META-INF/duro/".length());
    String namespace = model.namespace();
    int dot = namespace.lastIndexOf('.');
    this.protoPackage = dot < 0 ? "" : namespace.substring(0, dot);
    this.serviceName = namespace.substring(dot + 1);
    for (RpcModel rpc : model.rpcs()) {
      String request = ProtoNames.request(rpc);
      String response = ProtoNames.reply(rpc);
      List<FieldDef> params = new ArrayList<>();
      for (int i = 0; i < rpc.parameters().size(); i++) {
        ParameterModel p = rpc.parameters().get(i);
        params.add(top(p.name(), i + 1, p.shape()));
      }
      messages.add(new MessageDef(request, params, "The parameters of " + rpc.signature() + "."));
      // A streaming method's events are messages of the same shape as a unary result.
      TypeShape result = rpc.resultShape();
      List<FieldDef> fields =
          result instanceof TypeShape.VoidShape ? List.of() : List.of(top("value", 1, result));
      String what = rpc.isStream() ? "An event of " : "The result of ";
      messages.add(new MessageDef(response, fields, what + rpc.signature() + "."));
      methods.add(new MethodDef(rpc.name(), request, response, rpc.isStream()));
    }
    List<EnumDef> rawEnums = new ArrayList<>();
    for (TypeShape shape : shapes.names.keySet()) {
      if (shape instanceof TypeShape.RecordRef) {
        TypeRegistry.RecordModel r = shapes.record((TypeShape.RecordRef) shape);
        List<FieldDef> fields = new ArrayList<>();
        for (TypeRegistry.Component c : r.components()) {
          fields.add(component(c.name(), c.number(), c.shape()));
        }
        messages.add(new MessageDef(protoName(shape), fields, "Record " + r.qualifiedName() + "."));
      } else if (shape instanceof TypeShape.EnumRef) {
        TypeRegistry.EnumModel e = shapes.enumModel((TypeShape.EnumRef) shape);
        List<String> values = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        // proto3: the first value must be 0.
        TypeRegistry.Constant zero = e.zero().orElseThrow();
        values.add(zero.name());
        numbers.add(0);
        for (TypeRegistry.Constant c : e.constants()) {
          if (c != zero) {
            values.add(c.name());
            numbers.add(c.number());
          }
        }
        rawEnums.add(
            new EnumDef(protoName(shape), values, numbers, "Enum " + e.qualifiedName() + "."));
      }
    }
    for (TypeShape wrapper : shapes.wrappers) {
      messages.add(
          new MessageDef(
              protoName(wrapper),
              List.of(component("value", 1, wrapper)),
              "Wraps a "
                  + wrapper.displayName()
                  + " that is itself an element, map value or"
                  + " Optional content."));
    }
    enums.addAll(scopeEnumValues(rawEnums));
  }

  /** The schema of a valid object. */
  static ProtoSchema of(ObjectModel model) {
    return new ProtoSchema(model);
  }

  /** The class-path resource of the object's schema: {@code META-INF/duro/pkg/Class<suffix>}. */
  static String path(ObjectModel model, String suffix) {
    String pkg = model.packageName().isEmpty() ? "" : model.packageName().replace('.', '/') + "/";
    return "META-INF/duro/" + pkg + String.join("$", model.simpleNames()) + suffix;
  }

  /**
   * Enum values are scoped like their enum, in the package: a value name used by two enums, or
   * equal to a message name, would not compile, so such enums prefix all their values with their
   * own name ({@code Status_NEW}). Only names change; numbers, and so the wire, do not.
   */
  private List<EnumDef> scopeEnumValues(List<EnumDef> raw) {
    Map<String, Integer> uses = new HashMap<>();
    Set<String> types = new HashSet<>();
    messages.forEach(m -> types.add(m.name()));
    raw.forEach(e -> types.add(e.name()));
    types.add(serviceName);
    for (EnumDef e : raw) {
      e.values().forEach(v -> uses.merge(v, 1, Integer::sum));
    }
    List<EnumDef> out = new ArrayList<>();
    for (EnumDef e : raw) {
      boolean clash = e.values().stream().anyMatch(v -> uses.get(v) > 1 || types.contains(v));
      if (!clash) {
        out.add(e);
      } else {
        List<String> prefixed = new ArrayList<>();
        e.values().forEach(v -> prefixed.add(e.name() + "_" + v));
        out.add(new EnumDef(e.name(), prefixed, e.numbers(), e.comment()));
      }
    }
    return out;
  }

  private String protoName(TypeShape shape) {
    return shapes.name(shape).replace('$', '_');
  }

  private String fullName(String local) {
    return "." + (protoPackage.isEmpty() ? "" : protoPackage + ".") + local;
  }

  // ---- mapping shapes to fields -----------------------------------------------------------

  /** A request parameter or response value. */
  private FieldDef top(String name, int number, TypeShape shape) {
    boolean nullable =
        shape instanceof TypeShape.Scalar
            ? ((TypeShape.Scalar) shape).type().isNullable()
            : shape instanceof TypeShape.EnumRef
                || (shape instanceof TypeShape.WellKnown
                    && ((TypeShape.WellKnown) shape).kind() == TypeShape.WellKnown.Kind.UUID)
                || (shape instanceof TypeShape.ProtoMessage && !isWellKnown(shape));
    if (nullable) {
      return new FieldDef(fieldName(name), number, Label.OPTIONAL, single(shape), null, "");
    }
    return component(name, number, shape);
  }

  /** A record component, map entry or wrapper content. */
  private FieldDef component(String name, int number, TypeShape shape) {
    String n = fieldName(name);
    if (shape instanceof TypeShape.Repeated) {
      return new FieldDef(
          n, number, Label.REPEATED, single(((TypeShape.Repeated) shape).element()), null, "");
    }
    if (shape instanceof TypeShape.MapShape) {
      TypeShape.MapShape m = (TypeShape.MapShape) shape;
      return new FieldDef(n, number, Label.MAP, single(m.value()), single(m.key()), "");
    }
    if (shape instanceof TypeShape.OptionalShape) {
      Type content = single(((TypeShape.OptionalShape) shape).content());
      Label label = content.kind() == Kind.MESSAGE ? Label.SINGULAR : Label.OPTIONAL;
      return new FieldDef(n, number, label, content, null, "");
    }
    String comment =
        shape instanceof TypeShape.ProtoMessage && !isWellKnown(shape)
            ? shape.displayName() + ", a protobuf message encoded by protobuf"
            : "";
    return new FieldDef(n, number, Label.SINGULAR, single(shape), null, comment);
  }

  private static boolean isWellKnown(TypeShape shape) {
    return WELL_KNOWN.containsKey(((TypeShape.ProtoMessage) shape).qualifiedName());
  }

  /** The type of one value of {@code shape}; collections here are their wrapper messages. */
  private Type single(TypeShape shape) {
    if (shape instanceof TypeShape.Scalar) {
      ScalarType t = ((TypeShape.Scalar) shape).type();
      if (t == ScalarType.STRING) {
        return Type.scalar(Kind.STRING);
      }
      if (t == ScalarType.BYTES) {
        return Type.scalar(Kind.BYTES);
      }
      switch (t.primitive()) {
        case BOOLEAN:
          return Type.scalar(Kind.BOOL);
        case LONG:
          return Type.scalar(Kind.INT64);
        case FLOAT:
          return Type.scalar(Kind.FLOAT);
        case DOUBLE:
          return Type.scalar(Kind.DOUBLE);
        default:
          return Type.scalar(Kind.INT32);
      }
    }
    if (shape instanceof TypeShape.EnumRef) {
      String n = protoName(shape);
      return new Type(Kind.ENUM, n, fullName(n));
    }
    if (shape instanceof TypeShape.WellKnown) {
      switch (((TypeShape.WellKnown) shape).kind()) {
        case INSTANT:
          return wellKnownType("com.google.protobuf.Timestamp");
        case DURATION:
          return wellKnownType("com.google.protobuf.Duration");
        default:
          return Type.scalar(Kind.STRING);
      }
    }
    if (shape instanceof TypeShape.ProtoMessage) {
      String java = ((TypeShape.ProtoMessage) shape).qualifiedName();
      return WELL_KNOWN.containsKey(java) ? wellKnownType(java) : Type.scalar(Kind.BYTES);
    }
    String n = protoName(shape);
    return new Type(Kind.MESSAGE, n, fullName(n));
  }

  private Type wellKnownType(String javaName) {
    String[] wk = WELL_KNOWN.get(javaName);
    imports.add(wk[1]);
    return new Type(Kind.MESSAGE, wk[0], "." + wk[0]);
  }

  /** Java names may contain {@code $}; protobuf names may not. */
  private static String fieldName(String javaName) {
    return javaName.replace('$', '_');
  }

  // ---- text -------------------------------------------------------------------------------

  /** The {@code .proto} file. */
  String text() {
    StringBuilder s = new StringBuilder();
    s.append("// Generated by the Duro processor from ")
        .append(shapes.model.qualifiedName())
        .append(". Do not edit.\n");
    s.append("// It describes exactly the bytes Duro's generated codecs write and read.\n");
    s.append("syntax = \"proto3\";\n\n");
    if (!protoPackage.isEmpty()) {
      s.append("package ").append(protoPackage).append(";\n\n");
    }
    for (String i : imports) {
      s.append("import \"").append(i).append("\";\n");
    }
    if (!imports.isEmpty()) {
      s.append('\n');
    }
    s.append("service ").append(serviceName).append(" {\n");
    for (MethodDef m : methods) {
      s.append("  rpc ")
          .append(m.name())
          .append('(')
          .append(m.request())
          .append(") returns (")
          .append(m.serverStreaming() ? "stream " : "")
          .append(m.response())
          .append(");\n");
    }
    s.append("}\n");
    for (MessageDef m : messages) {
      s.append("\n// ").append(m.comment()).append('\n');
      s.append("message ").append(m.name()).append(" {");
      if (m.fields().isEmpty()) {
        s.append("}\n");
        continue;
      }
      s.append('\n');
      for (FieldDef f : m.fields()) {
        s.append("  ");
        switch (f.label()) {
          case OPTIONAL:
            s.append("optional ");
            break;
          case REPEATED:
            s.append("repeated ");
            break;
          default:
            break;
        }
        if (f.label() == Label.MAP) {
          s.append("map<").append(f.key().name()).append(", ").append(f.type().name()).append('>');
        } else {
          s.append(f.type().name());
        }
        s.append(' ').append(f.name()).append(" = ").append(f.number()).append(';');
        if (!f.comment().isEmpty()) {
          s.append(" // ").append(f.comment());
        }
        s.append('\n');
      }
      s.append("}\n");
    }
    for (EnumDef e : enums) {
      s.append("\n// ").append(e.comment()).append('\n');
      s.append("enum ").append(e.name()).append(" {\n");
      for (int i = 0; i < e.values().size(); i++) {
        s.append("  ")
            .append(e.values().get(i))
            .append(" = ")
            .append(e.numbers().get(i))
            .append(";\n");
      }
      s.append("}\n");
    }
    return s.toString();
  }

  // ---- descriptor -------------------------------------------------------------------------

  /**
   * The same schema as a serialized {@code google.protobuf.FileDescriptorProto} (field numbers of
   * {@code descriptor.proto}, which protobuf keeps stable), as protoc would produce it without
   * source info and json names.
   */
  byte[] descriptor() {
    ProtoWriter file = new ProtoWriter();
    file.writeString(1, fileName);
    if (!protoPackage.isEmpty()) {
      file.writeString(2, protoPackage);
    }
    for (String i : imports) {
      file.writeString(3, i);
    }
    for (MessageDef m : messages) {
      file.writeMessage(4, message(m));
    }
    for (EnumDef e : enums) {
      ProtoWriter en = new ProtoWriter().writeString(1, e.name());
      for (int i = 0; i < e.values().size(); i++) {
        en.writeMessage(
            2,
            new ProtoWriter().writeString(1, e.values().get(i)).writeInt32(2, e.numbers().get(i)));
      }
      file.writeMessage(5, en);
    }
    ProtoWriter service = new ProtoWriter().writeString(1, serviceName);
    for (MethodDef m : methods) {
      ProtoWriter method =
          new ProtoWriter()
              .writeString(1, m.name())
              .writeString(2, fullName(m.request()))
              .writeString(3, fullName(m.response()));
      if (m.serverStreaming()) {
        method.writeBool(6, true); // server_streaming; protoc leaves it out for unary methods
      }
      service.writeMessage(2, method);
    }
    file.writeMessage(6, service);
    file.writeString(12, "proto3");
    return file.toByteArray();
  }

  private ProtoWriter message(MessageDef m) {
    ProtoWriter msg = new ProtoWriter().writeString(1, m.name());
    List<String> oneofs = new ArrayList<>();
    for (FieldDef f : m.fields()) {
      if (f.label() == Label.MAP) {
        String entry = mapEntryName(f.name());
        String entryName = fullName(m.name() + "." + entry);
        msg.writeMessage(
            2, field(f.name(), f.number(), 3, new Type(Kind.MESSAGE, entry, entryName), null, -1));
        continue;
      }
      int oneof = -1;
      if (f.label() == Label.OPTIONAL) {
        oneof = oneofs.size();
        oneofs.add("_" + f.name());
      }
      msg.writeMessage(
          2,
          field(f.name(), f.number(), f.label() == Label.REPEATED ? 3 : 1, f.type(), null, oneof));
    }
    for (FieldDef f : m.fields()) {
      if (f.label() == Label.MAP) {
        ProtoWriter entry = new ProtoWriter().writeString(1, mapEntryName(f.name()));
        entry.writeMessage(2, field("key", 1, 1, f.key(), null, -1));
        entry.writeMessage(2, field("value", 2, 1, f.type(), null, -1));
        entry.writeMessage(7, new ProtoWriter().writeBool(7, true));
        msg.writeMessage(3, entry);
      }
    }
    for (String o : oneofs) {
      msg.writeMessage(8, new ProtoWriter().writeString(1, o));
    }
    return msg;
  }

  private static ProtoWriter field(
      String name, int number, int label, Type type, @Nullable String typeName, int oneof) {
    ProtoWriter f = new ProtoWriter().writeString(1, name).writeInt32(3, number);
    f.writeInt32(4, label).writeInt32(5, type.kind().number);
    String tn = typeName != null ? typeName : type.fullName();
    if (!tn.isEmpty()) {
      f.writeString(6, tn);
    }
    if (oneof >= 0) {
      f.writeInt32(9, oneof);
      f.writeBool(17, true);
    }
    return f;
  }

  /** The entry message protoc names for map field {@code line_items}: {@code LineItemsEntry}. */
  private static String mapEntryName(String field) {
    StringBuilder s = new StringBuilder();
    boolean upper = true;
    for (char c : field.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else if (upper) {
        s.append(Character.toUpperCase(c));
        upper = false;
      } else {
        s.append(c);
      }
    }
    return s.append("Entry").toString();
  }
}
