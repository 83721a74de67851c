package dev.duro.processor.internal.validation;

import dev.duro.processor.internal.model.ObjectModel;
import dev.duro.processor.internal.model.RpcModel;
import dev.duro.processor.internal.model.TypeRegistry;
import dev.duro.processor.internal.model.TypeShape;
import dev.duro.processor.internal.writing.ProtoNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks of the type shapes of one object: unsupported parts, field numbers, cycles, names. */
final class Shapes {
  /** Protobuf reserves these field numbers for its own implementation. */
  private static final int RESERVED_FIRST = 19_000;

  private static final int RESERVED_LAST = 19_999;

  private Shapes() {}

  /**
   * The first reason {@code shape} cannot be encoded, naming the path to the culprit when it is
   * nested ({@code Order.items[].price}); empty if it can.
   */
  static Optional<String> problem(TypeRegistry types, TypeShape shape) {
    return problem(types, shape, "", new HashSet<>());
  }

  private static Optional<String> problem(
      TypeRegistry types, TypeShape shape, String path, Set<String> seen) {
    if (shape instanceof TypeShape.Unsupported) {
      TypeShape.Unsupported u = (TypeShape.Unsupported) shape;
      return Optional.of(
          (path.isEmpty() ? "" : "its part " + path + " has type " + u.displayName() + ", and ")
              + u.reason());
    }
    if (shape instanceof TypeShape.RecordRef) {
      TypeRegistry.RecordModel record = types.record(((TypeShape.RecordRef) shape).qualifiedName());
      String at = path.isEmpty() ? record.simpleName() : path;
      if (record.problem().isPresent()) {
        return Optional.of(
            (path.isEmpty() ? "" : "its part " + path + " is record " + record.simpleName() + ": ")
                + record.problem().get());
      }
      if (!seen.add(record.qualifiedName())) {
        return Optional.empty();
      }
      for (TypeRegistry.Component c : record.components()) {
        Optional<String> p = problem(types, c.shape(), at + "." + c.name(), seen);
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    }
    if (shape instanceof TypeShape.EnumRef) {
      TypeRegistry.EnumModel e = types.enumModel(((TypeShape.EnumRef) shape).qualifiedName());
      return e.problem()
          .map(
              p ->
                  (path.isEmpty()
                          ? ""
                          : "its part " + path + " is enum " + e.qualifiedName() + ": ")
                      + p);
    }
    if (shape instanceof TypeShape.Repeated) {
      return problem(types, ((TypeShape.Repeated) shape).element(), path + "[]", seen);
    }
    if (shape instanceof TypeShape.MapShape) {
      TypeShape.MapShape m = (TypeShape.MapShape) shape;
      Optional<String> key = problem(types, m.key(), path + "{key}", seen);
      return key.isPresent() ? key : problem(types, m.value(), path + "{value}", seen);
    }
    if (shape instanceof TypeShape.OptionalShape) {
      return problem(types, ((TypeShape.OptionalShape) shape).content(), path + ".get()", seen);
    }
    return Optional.empty();
  }

  /**
   * Field numbers, enum zeros, required cycles and .proto name clashes of every record and enum.
   */
  static void validateTypes(ObjectModel model, ValidationReport.Builder report) {
    TypeRegistry types = model.types();
    for (TypeRegistry.RecordModel r : types.records()) {
      Map<Integer, TypeRegistry.Component> byNumber = new HashMap<>();
      for (TypeRegistry.Component c : r.components()) {
        int n = c.number();
        String why = null;
        if (n < 1 || n > 536_870_911) {
          why = "outside 1..536870911";
        } else if (n >= RESERVED_FIRST && n <= RESERVED_LAST) {
          why = "which protobuf reserves (19000..19999)";
        } else if (byNumber.containsKey(n)) {
          why = "the same as component " + byNumber.get(n).name();
        }
        byNumber.putIfAbsent(n, c);
        if (why != null) {
          report.error(
              r.element(), Message.FIELD_NUMBER, "Component", c.name(), r.qualifiedName(), n, why);
        }
      }
      List<String> cycle = requiredCycle(types, r, r, new ArrayList<>(), new HashSet<>());
      if (!cycle.isEmpty()) {
        report.error(
            r.element(), Message.RECURSIVE_RECORD, r.qualifiedName(), String.join(".", cycle));
      }
    }
    for (TypeRegistry.EnumModel e : types.enums()) {
      Map<Integer, TypeRegistry.Constant> byNumber = new HashMap<>();
      for (TypeRegistry.Constant c : e.constants()) {
        String why = null;
        if (c.number() < 0) {
          why = "which is negative";
        } else if (byNumber.containsKey(c.number())) {
          why = "the same as constant " + byNumber.get(c.number()).name();
        }
        byNumber.putIfAbsent(c.number(), c);
        if (why != null) {
          report.error(
              e.element(),
              Message.FIELD_NUMBER,
              "Constant",
              c.name(),
              e.qualifiedName(),
              c.number(),
              why);
        }
      }
      if (e.problem().isEmpty() && !e.constants().isEmpty() && e.zero().isEmpty()) {
        report.error(e.element(), Message.ENUM_NO_ZERO, e.qualifiedName());
      }
    }
    Map<String, String> owners = new HashMap<>();
    for (RpcModel rpc : model.rpcs()) {
      owners.put(ProtoNames.request(rpc), "the request of @Rpc method " + rpc.name());
      owners.put(ProtoNames.reply(rpc), "the reply of @Rpc method " + rpc.name());
    }
    List<String[]> named = new ArrayList<>();
    for (TypeRegistry.RecordModel r : types.records()) {
      named.add(new String[] {ProtoNames.of(r.simpleNames()), "record " + r.qualifiedName()});
    }
    for (TypeRegistry.EnumModel e : types.enums()) {
      named.add(new String[] {ProtoNames.of(e.simpleNames()), "enum " + e.qualifiedName()});
    }
    for (String[] n : named) {
      String other = owners.putIfAbsent(n[0], n[1]);
      if (other != null) {
        report.error(
            model.element(), Message.NAME_COLLISION, other, n[1], n[0], model.qualifiedName());
      }
    }
  }

  /** Component names from {@code target} back to itself through required records, or empty. */
  private static List<String> requiredCycle(
      TypeRegistry types,
      TypeRegistry.RecordModel target,
      TypeRegistry.RecordModel at,
      List<String> path,
      Set<String> visited) {
    if (!visited.add(at.qualifiedName())) {
      return List.of();
    }
    for (TypeRegistry.Component c : at.components()) {
      if (c.shape() instanceof TypeShape.RecordRef) {
        TypeRegistry.RecordModel next =
            types.record(((TypeShape.RecordRef) c.shape()).qualifiedName());
        List<String> p = new ArrayList<>(path);
        p.add(c.name());
        if (next.qualifiedName().equals(target.qualifiedName())) {
          p.add(0, target.simpleName());
          return p;
        }
        List<String> found = requiredCycle(types, target, next, p, visited);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return List.of();
  }
}
