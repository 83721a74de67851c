package dev.duro.processor.internal.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * Everything the processor knows about one {@code @DurableObject} type, valid or not: validation
 * reads it to find problems, writers read it to generate code once it is valid. Members are listed
 * in declaration order.
 *
 * @param element the annotated type; every diagnostic and generated file refers back to it
 * @param packageName its package ({@code ""} for the unnamed package)
 * @param simpleNames its simple name, preceded by those of enclosing types if it is nested
 * @param annotation the {@code @DurableObject} annotation
 * @param namespaceValue the explicit, non-empty {@code value} of the annotation, if any
 * @param namespace the namespace name: the explicit value, else the simple name
 * @param alarms every {@code @Alarm} method; more than one is invalid
 * @param onActivates every {@code @OnActivate} method; more than one is invalid
 * @param maps every {@code DurableMap} field, annotated or not
 * @param types the records and enums reachable from the signatures and fields
 * @param storageTypes the types listed in {@code @DurableObject(storageTypes = ...)}, with the
 *     annotation value that lists them (for diagnostics)
 */
public record ObjectModel(
    TypeElement element,
    String packageName,
    List<String> simpleNames,
    ElementKind kind,
    NestingKind nesting,
    Set<Modifier> modifiers,
    List<String> typeParameters,
    AnnotationMirror annotation,
    @Nullable AnnotationValue namespaceValue,
    String namespace,
    boolean deprecated,
    List<ConstructorModel> constructors,
    List<RpcModel> rpcs,
    List<PersistFieldModel> fields,
    List<MapFieldModel> maps,
    List<HookModel> alarms,
    List<HookModel> onActivates,
    TypeRegistry types,
    List<TypeShape> storageTypes,
    @Nullable AnnotationValue storageTypesValue) {

  public ObjectModel {
    simpleNames = List.copyOf(simpleNames);
    modifiers = Set.copyOf(modifiers);
    typeParameters = List.copyOf(typeParameters);
    constructors = List.copyOf(constructors);
    rpcs = List.copyOf(rpcs);
    fields = List.copyOf(fields);
    maps = List.copyOf(maps);
    alarms = List.copyOf(alarms);
    onActivates = List.copyOf(onActivates);
    storageTypes = List.copyOf(storageTypes);
  }

  /** The type's own simple name. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** The canonical name, for diagnostics. */
  public String qualifiedName() {
    return element.getQualifiedName().toString();
  }

  /**
   * The constructor the host calls: a usable one taking an {@code ObjectContext} if there is one,
   * else a usable no-argument one.
   */
  public Optional<ConstructorModel> constructor() {
    Optional<ConstructorModel> context =
        constructors.stream()
            .filter(c -> c.isUsable() && c.kind() == ConstructorModel.Kind.CONTEXT)
            .findFirst();
    return context.isPresent()
        ? context
        : constructors.stream()
            .filter(c -> c.isUsable() && c.kind() == ConstructorModel.Kind.NO_ARG)
            .findFirst();
  }

  /** The {@code @Alarm} method, if any (the first, if there are several). */
  public Optional<HookModel> alarm() {
    return alarms.stream().findFirst();
  }

  /** The {@code @OnActivate} method, if any (the first, if there are several). */
  public Optional<HookModel> onActivate() {
    return onActivates.stream().findFirst();
  }
}
