package dev.duro.processor.internal.validation;

import dev.duro.processor.internal.model.ConstructorModel;
import dev.duro.processor.internal.model.DuroApi;
import dev.duro.processor.internal.model.EventSinkModel;
import dev.duro.processor.internal.model.HookModel;
import dev.duro.processor.internal.model.MapFieldModel;
import dev.duro.processor.internal.model.ObjectModel;
import dev.duro.processor.internal.model.ParameterModel;
import dev.duro.processor.internal.model.PersistFieldModel;
import dev.duro.processor.internal.model.RpcModel;
import dev.duro.processor.internal.model.TypeShape;
import dev.duro.processor.internal.writing.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.VariableElement;

/**
 * Checks an {@link ObjectModel} against the rules generated code relies on and returns every
 * problem found, each pinned to the most specific element. Pure: reads only the model, prints
 * nothing, keeps no state; thread-safe.
 */
public final class ObjectValidator {
  /**
   * Names a generated stub already uses for its own members or inherits final from {@code Object};
   * an {@code @Rpc} method of that name would clash with them.
   */
  static final Set<String> RESERVED_RPC_NAMES =
      Set.of(
          "id",
          "async",
          "withDeadline",
          "withDeadlineAfter",
          "toString",
          "hashCode",
          "equals",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  public ValidationReport validate(ObjectModel model) {
    ValidationReport.Builder report = ValidationReport.builder();
    if (model.kind() != ElementKind.CLASS) {
      // Nothing else about an interface, enum or record can be meaningfully checked.
      report.error(
          model.element(), Message.NOT_A_CLASS, model.qualifiedName(), describe(model.kind()));
      return report.build();
    }
    validateClass(model, report);
    validateRpcs(model, report);
    validateFields(model, report);
    validateMaps(model, report);
    validateStorageTypes(model, report);
    validateHooks(model, model.alarms(), true, report);
    validateHooks(model, model.onActivates(), false, report);
    Shapes.validateTypes(model, report);
    return report.build();
  }

  private static void validateClass(ObjectModel model, ValidationReport.Builder report) {
    String name = model.qualifiedName();
    if (model.nesting() != NestingKind.TOP_LEVEL) {
      report.error(
          model.element(),
          Message.NESTED_CLASS,
          name,
          model.element().getEnclosingElement().getSimpleName());
    }
    if (model.modifiers().contains(Modifier.PRIVATE)) {
      report.error(model.element(), Message.PRIVATE_CLASS, name);
    }
    if (model.modifiers().contains(Modifier.ABSTRACT)) {
      report.error(model.element(), Message.ABSTRACT_CLASS, name);
    }
    if (!model.typeParameters().isEmpty()) {
      report.error(
          model.element(), Message.GENERIC_CLASS, name, String.join(", ", model.typeParameters()));
    }
    if (!DuroApi.NAMESPACE_PATTERN.matcher(model.namespace()).matches()) {
      report.error(
          model.element(),
          model.annotation(),
          model.namespaceValue(),
          Message.NAMESPACE_NAME,
          model.namespace(),
          name,
          DuroApi.NAMESPACE_PATTERN.pattern(),
          suggestNamespace(model.namespace()));
    }
    if (model.constructor().isEmpty()) {
      report.error(model.element(), Message.NO_CONSTRUCTOR, name, model.simpleName());
    } else {
      ConstructorModel constructor = model.constructor().get();
      if (!constructor.checkedExceptions().isEmpty()) {
        report.error(
            constructor.element(),
            Message.CONSTRUCTOR_THROWS,
            constructor.signature(),
            String.join(", ", constructor.checkedExceptions()));
      }
    }
  }

  private static void validateRpcs(ObjectModel model, ValidationReport.Builder report) {
    String binding = Names.binding(model).simpleName();
    String stub = Names.stub(model).simpleName();
    Map<String, RpcModel> byName = new HashMap<>();
    for (RpcModel rpc : model.rpcs()) {
      String method = model.simpleName() + "." + rpc.signature();
      if (rpc.modifiers().contains(Modifier.PRIVATE)) {
        report.error(rpc.element(), Message.RPC_PRIVATE, method, binding);
      }
      if (rpc.modifiers().contains(Modifier.STATIC)) {
        report.error(rpc.element(), Message.RPC_STATIC, method);
      }
      if (!rpc.typeParameters().isEmpty()) {
        report.error(
            rpc.element(), Message.GENERIC_METHOD, method, String.join(", ", rpc.typeParameters()));
      }
      if (!DuroApi.RPC_NAME_PATTERN.matcher(rpc.name()).matches()) {
        report.error(rpc.element(), Message.RPC_NAME, method);
      } else if (RESERVED_RPC_NAMES.contains(rpc.name())) {
        report.error(rpc.element(), Message.RPC_RESERVED_NAME, method, rpc.name(), stub);
      }
      RpcModel first = byName.putIfAbsent(rpc.name(), rpc);
      if (first != null) {
        report.error(
            rpc.element(),
            Message.RPC_OVERLOADED,
            method,
            model.simpleName() + "." + first.signature());
      }
      validateSinks(model, rpc, method, report);
      for (ParameterModel p : rpc.parameters()) {
        if (p.eventSink()) {
          continue; // reported by validateSinks, with the reason that fits
        }
        Optional<String> problem = Shapes.problem(model.types(), p.shape());
        if (problem.isPresent()) {
          report.error(
              p.element(),
              Message.UNSUPPORTED_PARAMETER_TYPE,
              p.name(),
              method,
              p.shape().displayName(),
              problem.get(),
              TypeShape.SUPPORTED);
        }
      }
      // A streaming method's return type is wrong whatever it is, which validateSinks says.
      Optional<String> problem =
          rpc.isStream() ? Optional.empty() : Shapes.problem(model.types(), rpc.returnShape());
      if (problem.isPresent()) {
        report.error(
            rpc.element(),
            Message.UNSUPPORTED_RETURN_TYPE,
            method,
            rpc.returnShape().displayName(),
            problem.get(),
            TypeShape.SUPPORTED);
      }
    }
  }

  /**
   * The {@code EventSink} parameters of {@code rpc}: one at most, last, with an event type Duro can
   * encode, in a method that returns {@code void}.
   */
  private static void validateSinks(
      ObjectModel model, RpcModel rpc, String method, ValidationReport.Builder report) {
    List<VariableElement> sinks = new ArrayList<>();
    for (ParameterModel p : rpc.parameters()) {
      if (p.eventSink()) {
        sinks.add(p.element());
      }
    }
    rpc.events().ifPresent(e -> sinks.add(e.element()));
    if (sinks.size() > 1) {
      // One error per extra sink; where the single sink goes is only worth saying once they agree.
      for (VariableElement extra : sinks.subList(1, sinks.size())) {
        report.error(
            extra,
            Message.EVENT_SINK_DUPLICATE,
            extra.getSimpleName(),
            method,
            sinks.get(0).getSimpleName());
      }
    } else if (sinks.size() == 1 && rpc.events().isEmpty()) {
      report.error(sinks.get(0), Message.EVENT_SINK_NOT_LAST, sinks.get(0).getSimpleName(), method);
    }
    if (rpc.events().isEmpty()) {
      return;
    }
    EventSinkModel events = rpc.events().get();
    if (!rpc.returnsVoid()) {
      report.error(
          rpc.element(), Message.STREAM_RETURN_TYPE, method, rpc.returnShape().displayName());
    }
    Optional<String> problem = Shapes.problem(model.types(), events.event());
    if (problem.isPresent()) {
      report.error(
          events.element(),
          Message.UNSUPPORTED_EVENT_TYPE,
          events.name(),
          method,
          events.event().displayName(),
          problem.get(),
          TypeShape.SUPPORTED);
    }
  }

  private static void validateFields(ObjectModel model, ValidationReport.Builder report) {
    String binding = Names.binding(model).simpleName();
    for (PersistFieldModel field : model.fields()) {
      if (field.modifiers().contains(Modifier.PRIVATE)) {
        report.error(field.element(), Message.PERSIST_PRIVATE, field.name(), binding);
      }
      if (field.modifiers().contains(Modifier.FINAL)) {
        report.error(field.element(), Message.PERSIST_FINAL, field.name(), binding);
      }
      if (field.modifiers().contains(Modifier.STATIC)) {
        report.error(field.element(), Message.PERSIST_STATIC, field.name());
      }
      Optional<String> problem = Shapes.problem(model.types(), field.shape());
      if (problem.isPresent()) {
        report.error(
            field.element(),
            Message.UNSUPPORTED_FIELD_TYPE,
            field.name(),
            field.shape().displayName(),
            problem.get(),
            TypeShape.SUPPORTED);
      }
    }
  }

  private static void validateStorageTypes(ObjectModel model, ValidationReport.Builder report) {
    for (TypeShape type : model.storageTypes()) {
      Optional<String> problem =
          type instanceof TypeShape.RecordRef || type instanceof TypeShape.EnumRef
              ? Shapes.problem(model.types(), type)
              : Optional.of(
                  type instanceof TypeShape.Unsupported
                      ? ((TypeShape.Unsupported) type).reason()
                      : "it is not a record or an enum");
      if (problem.isPresent()) {
        report.error(
            model.element(),
            model.annotation(),
            model.storageTypesValue(),
            Message.UNSUPPORTED_STORAGE_TYPE,
            type.displayName(),
            problem.get());
      }
    }
  }

  /** The key types a {@code DurableMap} accepts: those with an order-preserving encoding. */
  static final String MAP_KEYS =
      "java.lang.String, java.lang.Long, java.lang.Integer, java.lang.Short, java.lang.Byte,"
          + " java.time.Instant, java.util.UUID";

  private static void validateMaps(ObjectModel model, ValidationReport.Builder report) {
    String binding = Names.binding(model).simpleName();
    for (MapFieldModel map : model.maps()) {
      if (map.persist()) {
        report.error(map.element(), Message.MAP_FIELD_PERSIST, map.name());
      }
      if (map.modifiers().contains(Modifier.PRIVATE)) {
        report.error(map.element(), Message.MAP_FIELD_PRIVATE, map.name(), binding);
      }
      if (map.modifiers().contains(Modifier.FINAL)) {
        report.error(map.element(), Message.MAP_FIELD_FINAL, map.name(), binding);
      }
      if (map.modifiers().contains(Modifier.STATIC)) {
        report.error(map.element(), Message.MAP_FIELD_STATIC, map.name());
      }
      if (!isMapKey(map.key())) {
        String reason =
            map.key() instanceof TypeShape.Unsupported
                ? ((TypeShape.Unsupported) map.key()).reason()
                : "keys need an encoding that sorts like the keys";
        report.error(
            map.element(),
            Message.UNSUPPORTED_MAP_TYPE,
            map.name(),
            "key",
            map.key().displayName(),
            reason,
            MAP_KEYS);
      } else {
        // Only report the value when the key is fine: a raw type would say the same twice.
        Optional<String> problem = Shapes.problem(model.types(), map.value());
        if (problem.isPresent()) {
          report.error(
              map.element(),
              Message.UNSUPPORTED_MAP_TYPE,
              map.name(),
              "value",
              map.value().displayName(),
              problem.get(),
              TypeShape.SUPPORTED);
        }
      }
    }
  }

  /** Whether {@code key} is a type {@code MapKeyCodecs} has an encoding for. */
  private static boolean isMapKey(TypeShape key) {
    if (key instanceof TypeShape.Scalar) {
      switch (((TypeShape.Scalar) key).type()) {
        case STRING:
        case BOXED_LONG:
        case BOXED_INT:
        case BOXED_SHORT:
        case BOXED_BYTE:
          return true;
        default:
          return false;
      }
    }
    return key instanceof TypeShape.WellKnown
        && ((TypeShape.WellKnown) key).kind() != TypeShape.WellKnown.Kind.DURATION;
  }

  private static void validateHooks(
      ObjectModel model, List<HookModel> hooks, boolean alarm, ValidationReport.Builder report) {
    String binding = Names.binding(model).simpleName();
    for (int i = 0; i < hooks.size(); i++) {
      HookModel hook = hooks.get(i);
      String method = model.simpleName() + "." + hook.signature();
      if (i > 0) {
        report.error(
            hook.element(),
            alarm ? Message.ALARM_DUPLICATE : Message.ON_ACTIVATE_DUPLICATE,
            method,
            model.simpleName() + "." + hooks.get(0).signature());
      }
      if (!hook.returnsVoid()) {
        report.error(
            hook.element(),
            alarm ? Message.ALARM_RETURN_TYPE : Message.ON_ACTIVATE_RETURN_TYPE,
            method,
            hook.returnType());
      }
      boolean parametersOk = hook.parameterTypes().isEmpty() || (alarm && hook.takesAlarmInfo());
      if (!parametersOk) {
        report.error(
            hook.element(),
            alarm ? Message.ALARM_PARAMETERS : Message.ON_ACTIVATE_PARAMETERS,
            method);
      }
      for (Modifier m : List.of(Modifier.PRIVATE, Modifier.STATIC)) {
        if (hook.modifiers().contains(m)) {
          report.error(
              hook.element(),
              alarm ? Message.ALARM_MODIFIER : Message.ON_ACTIVATE_MODIFIER,
              method,
              m.toString(),
              binding);
        }
      }
    }
  }

  private static String describe(ElementKind kind) {
    switch (kind) {
      case INTERFACE:
        return "an interface";
      case ENUM:
        return "an enum";
      case ANNOTATION_TYPE:
        return "an annotation type";
      case RECORD:
        return "a record";
      default:
        return "a " + kind.name().toLowerCase(Locale.ROOT);
    }
  }

  /** A valid namespace name close to {@code name}: invalid characters become '_'. */
  static String suggestNamespace(String name) {
    StringJoiner out = new StringJoiner(".");
    for (String part : name.split("\\.", -1)) {
      String p = part.replaceAll("[^A-Za-z0-9_]", "_");
      if (p.isEmpty() || Character.isDigit(p.charAt(0))) {
        p = "_" + p;
      }
      out.add(p);
    }
    return out.toString();
  }
}
