package dev.duro.processor.internal.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.duro.processor.internal.model.MapFieldModel;
import dev.duro.processor.internal.model.ObjectModel;
import dev.duro.processor.internal.model.ParameterModel;
import dev.duro.processor.internal.model.PersistFieldModel;
import dev.duro.processor.internal.model.RpcModel;
import dev.duro.processor.internal.model.ScalarType;
import dev.duro.processor.internal.model.TypeRegistry;
import dev.duro.processor.internal.model.TypeShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an object's {@code X_Codecs} contains, computed from its model: every record, enum, protobuf
 * message and wrapper message (a collection nested in a collection or an Optional) reachable from
 * its signatures and fields, each with a unique Java name. Stub, binding, codecs and .proto
 * generators all compute the same plan, so they agree on the names.
 */
final class Shapes {
  final ObjectModel model;
  final ClassName codecs;

  /** Records, enums, wrappers and messages by their shape, each with its unique base name. */
  final Map<TypeShape, String> names = new LinkedHashMap<>();

  /** Shapes that need a wrapper message: a List, Set or Map in a single-value position. */
  final Set<TypeShape> wrappers = new LinkedHashSet<>();

  /** Map shapes, which need an entry-reading helper. */
  final Set<TypeShape.MapShape> maps = new LinkedHashSet<>();

  private final NameAllocator allocator = new NameAllocator();

  Shapes(ObjectModel model) {
    this.model = model;
    this.codecs = Names.codecs(model);
    for (RpcModel rpc : model.rpcs()) {
      for (ParameterModel p : rpc.parameters()) {
        visit(p.shape(), false);
      }
      visit(rpc.resultShape(), false);
    }
    for (PersistFieldModel f : model.fields()) {
      visit(f.shape(), false);
    }
    for (MapFieldModel m : model.maps()) {
      visit(m.value(), false);
    }
    for (TypeShape t : model.storageTypes()) {
      visit(t, false);
    }
  }

  /** The records and enums of {@link #names}, whose codecs typed storage may use. */
  List<TypeShape> storableTypes() {
    List<TypeShape> out = new ArrayList<>();
    for (TypeShape s : names.keySet()) {
      if (s instanceof TypeShape.RecordRef || s instanceof TypeShape.EnumRef) {
        out.add(s);
      }
    }
    return out;
  }

  /** Whether the object uses anything beyond scalars, so that {@code X_Codecs} is needed. */
  boolean needsCodecs() {
    return !names.isEmpty();
  }

  private void visit(TypeShape shape, boolean single) {
    if (shape instanceof TypeShape.RecordRef) {
      if (!names.containsKey(shape)) {
        TypeShape.RecordRef r = (TypeShape.RecordRef) shape;
        names.put(shape, allocator.newName(String.join("_", r.simpleNames())));
        for (TypeRegistry.Component c : record(r).components()) {
          visit(c.shape(), false);
        }
      }
    } else if (shape instanceof TypeShape.EnumRef) {
      names.computeIfAbsent(
          shape, s -> allocator.newName(String.join("_", ((TypeShape.EnumRef) s).simpleNames())));
    } else if (shape instanceof TypeShape.ProtoMessage) {
      names.computeIfAbsent(
          shape,
          s -> allocator.newName(String.join("_", ((TypeShape.ProtoMessage) s).simpleNames())));
    } else if (shape instanceof TypeShape.Repeated) {
      visit(((TypeShape.Repeated) shape).element(), true);
      if (single && wrappers.add(shape)) {
        names.put(shape, allocator.newName(mangle(shape)));
      }
    } else if (shape instanceof TypeShape.MapShape) {
      TypeShape.MapShape m = (TypeShape.MapShape) shape;
      visit(m.key(), true);
      visit(m.value(), true);
      if (maps.add(m)) {
        names.putIfAbsent(shape, allocator.newName(mangle(shape)));
      }
      if (single) {
        wrappers.add(shape);
      }
    } else if (shape instanceof TypeShape.OptionalShape) {
      visit(((TypeShape.OptionalShape) shape).content(), true);
    }
  }

  TypeRegistry.RecordModel record(TypeShape.RecordRef ref) {
    return model.types().record(ref.qualifiedName());
  }

  TypeRegistry.EnumModel enumModel(TypeShape.EnumRef ref) {
    return model.types().enumModel(ref.qualifiedName());
  }

  /**
   * The unique base name of a record, enum, message or wrapper: {@code Order}, {@code ListOfInt}.
   */
  String name(TypeShape shape) {
    String n = names.get(shape);
    if (n == null) {
      throw new IllegalArgumentException("No codec name for " + shape);
    }
    return n;
  }

  /** A readable name for a shape, used for wrapper messages. */
  static String mangle(TypeShape shape) {
    if (shape instanceof TypeShape.Scalar) {
      ScalarType t = ((TypeShape.Scalar) shape).type();
      switch (t) {
        case STRING:
          return "String";
        case BYTES:
          return "Bytes";
        default:
          String primitive = Names.capitalize(t.primitive().javaName());
          return t.isPrimitive() ? primitive : "Boxed" + primitive;
      }
    }
    if (shape instanceof TypeShape.RecordRef) {
      return String.join("_", ((TypeShape.RecordRef) shape).simpleNames());
    }
    if (shape instanceof TypeShape.EnumRef) {
      return String.join("_", ((TypeShape.EnumRef) shape).simpleNames());
    }
    if (shape instanceof TypeShape.ProtoMessage) {
      return String.join("_", ((TypeShape.ProtoMessage) shape).simpleNames());
    }
    if (shape instanceof TypeShape.WellKnown) {
      return Names.capitalize(
          ((TypeShape.WellKnown) shape).kind().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (shape instanceof TypeShape.Repeated) {
      TypeShape.Repeated r = (TypeShape.Repeated) shape;
      return (r.isSet() ? "SetOf" : "ListOf") + mangle(r.element());
    }
    if (shape instanceof TypeShape.MapShape) {
      TypeShape.MapShape m = (TypeShape.MapShape) shape;
      return "MapOf" + mangle(m.key()) + "To" + mangle(m.value());
    }
    if (shape instanceof TypeShape.OptionalShape) {
      return "OptionalOf" + mangle(((TypeShape.OptionalShape) shape).content());
    }
    throw new IllegalArgumentException("No name for " + shape);
  }

  /** The Java type of values of {@code shape}. */
  static TypeName javaType(TypeShape shape) {
    if (shape instanceof TypeShape.Scalar || shape instanceof TypeShape.VoidShape) {
      return TypeNames.of(shape);
    }
    if (shape instanceof TypeShape.RecordRef) {
      TypeShape.RecordRef r = (TypeShape.RecordRef) shape;
      return className(r.packageName(), r.simpleNames());
    }
    if (shape instanceof TypeShape.EnumRef) {
      TypeShape.EnumRef r = (TypeShape.EnumRef) shape;
      return className(r.packageName(), r.simpleNames());
    }
    if (shape instanceof TypeShape.ProtoMessage) {
      TypeShape.ProtoMessage m = (TypeShape.ProtoMessage) shape;
      return className(m.packageName(), m.simpleNames());
    }
    if (shape instanceof TypeShape.WellKnown) {
      String javaName = ((TypeShape.WellKnown) shape).kind().javaName();
      int dot = javaName.lastIndexOf('.');
      return ClassName.get(javaName.substring(0, dot), javaName.substring(dot + 1));
    }
    if (shape instanceof TypeShape.Repeated) {
      TypeShape.Repeated r = (TypeShape.Repeated) shape;
      return ParameterizedTypeName.get(
          r.isSet() ? TypeNames.SET : TypeNames.LIST, javaType(r.element()).box());
    }
    if (shape instanceof TypeShape.MapShape) {
      TypeShape.MapShape m = (TypeShape.MapShape) shape;
      return ParameterizedTypeName.get(
          TypeNames.MAP, javaType(m.key()).box(), javaType(m.value()).box());
    }
    if (shape instanceof TypeShape.OptionalShape) {
      return ParameterizedTypeName.get(
          TypeNames.OPTIONAL, javaType(((TypeShape.OptionalShape) shape).content()).box());
    }
    throw new IllegalArgumentException("No Java type for " + shape);
  }

  private static ClassName className(String packageName, List<String> simpleNames) {
    return ClassName.get(
        packageName,
        simpleNames.get(0),
        new ArrayList<>(simpleNames.subList(1, simpleNames.size())).toArray(new String[0]));
  }
}
