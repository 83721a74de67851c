package dev.duro.processor.internal.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link ObjectModel}s. Total: any {@code @DurableObject} type gets a model, however
 * invalid; the problems are recorded as facts in the model (an {@link TypeShape.Unsupported} type,
 * a private modifier, a second {@code @Alarm}) for the validator to report. Prints nothing.
 *
 * <p>Only members declared in the class itself are considered; inherited members are not (yet) part
 * of an object's interface.
 */
public final class ObjectModelFactory {
  private static final Map<String, ScalarType> DECLARED_SCALARS =
      Map.of(
          "java.lang.Boolean", ScalarType.BOXED_BOOLEAN,
          "java.lang.Byte", ScalarType.BOXED_BYTE,
          "java.lang.Short", ScalarType.BOXED_SHORT,
          "java.lang.Character", ScalarType.BOXED_CHAR,
          "java.lang.Integer", ScalarType.BOXED_INT,
          "java.lang.Long", ScalarType.BOXED_LONG,
          "java.lang.Float", ScalarType.BOXED_FLOAT,
          "java.lang.Double", ScalarType.BOXED_DOUBLE,
          "java.lang.String", ScalarType.STRING);

  /** Why an {@code EventSink} is not a value, wherever it appears but as a last parameter. */
  static final String EVENT_SINK_REASON =
      "an EventSink is a subscriber's connection, not a value: it can only be the last parameter"
          + " of a streaming @Rpc method, and lives in memory only (keep sinks in plain, not"
          + " @Persist, fields)";

  private final Elements elements;
  private final Types types;

  /** Records and enums of the model being built; a new one per {@link #create}. */
  private TypeRegistry registry = new TypeRegistry();

  /** The package of the object being modelled, where its generated code lives. */
  private String objectPackage = "";

  /** Records whose components are being modelled, so that recursive records terminate. */
  private final Set<String> inProgress = new HashSet<>();

  public ObjectModelFactory(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Whether every type the model of {@code type} depends on is resolved. A type that another
   * processor has yet to generate shows up as an error type; such a class is modelled in a later
   * round, and if it never resolves javac reports the missing type itself.
   */
  public boolean isComplete(TypeElement type) {
    if (isErroneous(type.getSuperclass())) {
      return false;
    }
    for (TypeMirror i : type.getInterfaces()) {
      if (isErroneous(i)) {
        return false;
      }
    }
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof ExecutableElement) {
        ExecutableElement m = (ExecutableElement) member;
        boolean relevant =
            m.getKind() == ElementKind.CONSTRUCTOR
                || hasAnnotation(m, DuroApi.RPC)
                || hasAnnotation(m, DuroApi.ALARM)
                || hasAnnotation(m, DuroApi.ON_ACTIVATE);
        if (relevant && isErroneous(m)) {
          return false;
        }
      } else if (member instanceof VariableElement
          && (hasAnnotation(member, DuroApi.PERSIST) || isDurableMap(member.asType()))
          && isErroneous(member.asType())) {
        return false;
      }
    }
    return true;
  }

  /** Models {@code type}, which carries {@code @DurableObject}. */
  public ObjectModel create(TypeElement type) {
    AnnotationMirror annotation =
        annotation(type, DuroApi.DURABLE_OBJECT)
            .orElseThrow(
                () -> new IllegalArgumentException(type + " is not annotated @DurableObject"));
    registry = new TypeRegistry();
    inProgress.clear();
    objectPackage = elements.getPackageOf(type).getQualifiedName().toString();
    @Nullable AnnotationValue explicitValue = null;
    @Nullable AnnotationValue storageTypesValue = null;
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        annotation.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value")) {
        explicitValue = e.getValue();
      } else if (e.getKey().getSimpleName().contentEquals("storageTypes")) {
        storageTypesValue = e.getValue();
      }
    }
    List<TypeShape> storageTypes = new ArrayList<>();
    if (storageTypesValue != null && storageTypesValue.getValue() instanceof List) {
      for (Object item : (List<?>) storageTypesValue.getValue()) {
        Object v = item instanceof AnnotationValue ? ((AnnotationValue) item).getValue() : item;
        if (v instanceof TypeMirror) {
          storageTypes.add(shapeOf((TypeMirror) v));
        }
      }
    }
    String value = explicitValue == null ? "" : String.valueOf(explicitValue.getValue());
    List<String> simpleNames = simpleNames(type);
    String namespace = value.isEmpty() ? simpleNames.get(simpleNames.size() - 1) : value;

    List<ConstructorModel> constructors = new ArrayList<>();
    List<RpcModel> rpcs = new ArrayList<>();
    List<PersistFieldModel> fields = new ArrayList<>();
    List<MapFieldModel> maps = new ArrayList<>();
    List<HookModel> alarms = new ArrayList<>();
    List<HookModel> onActivates = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      switch (member.getKind()) {
        case CONSTRUCTOR:
          constructors.add(constructor((ExecutableElement) member));
          break;
        case METHOD:
          ExecutableElement method = (ExecutableElement) member;
          if (hasAnnotation(method, DuroApi.RPC)) {
            rpcs.add(rpc(method));
          }
          if (hasAnnotation(method, DuroApi.ALARM)) {
            alarms.add(hook(method));
          }
          if (hasAnnotation(method, DuroApi.ON_ACTIVATE)) {
            onActivates.add(hook(method));
          }
          break;
        case FIELD:
          if (isDurableMap(member.asType())) {
            maps.add(mapField((VariableElement) member));
          } else if (hasAnnotation(member, DuroApi.PERSIST)) {
            VariableElement field = (VariableElement) member;
            fields.add(
                new PersistFieldModel(
                    field,
                    field.getSimpleName().toString(),
                    field.getModifiers(),
                    shapeOf(field.asType()),
                    elements.isDeprecated(field)));
          }
          break;
        default:
          break;
      }
    }
    return new ObjectModel(
        type,
        elements.getPackageOf(type).getQualifiedName().toString(),
        simpleNames,
        type.getKind(),
        type.getNestingKind(),
        type.getModifiers(),
        names(type.getTypeParameters()),
        annotation,
        value.isEmpty() ? null : explicitValue,
        namespace,
        elements.isDeprecated(type),
        constructors,
        rpcs,
        fields,
        maps,
        alarms,
        onActivates,
        registry,
        storageTypes,
        storageTypesValue);
  }

  /** Whether {@code type} is {@code DurableMap}, raw or parameterized. */
  private static boolean isDurableMap(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    Element e = ((DeclaredType) type).asElement();
    return e instanceof TypeElement
        && ((TypeElement) e).getQualifiedName().contentEquals(DuroApi.DURABLE_MAP);
  }

  private MapFieldModel mapField(VariableElement field) {
    List<? extends TypeMirror> args = ((DeclaredType) field.asType()).getTypeArguments();
    TypeShape key;
    TypeShape value;
    if (args.size() != 2) {
      String raw = "a raw DurableMap has no key and value types";
      key = new TypeShape.Unsupported(field.asType().toString(), raw);
      value = key;
    } else {
      key = mapTypeArgument(args.get(0));
      value = mapTypeArgument(args.get(1));
    }
    return new MapFieldModel(
        field,
        field.getSimpleName().toString(),
        field.getModifiers(),
        key,
        value,
        hasAnnotation(field, DuroApi.PERSIST),
        elements.isDeprecated(field));
  }

  private TypeShape mapTypeArgument(TypeMirror type) {
    if (type.getKind() == TypeKind.WILDCARD || type.getKind() == TypeKind.TYPEVAR) {
      return new TypeShape.Unsupported(
          type.toString(), "a DurableMap needs concrete key and value types");
    }
    return shapeOf(type);
  }

  private RpcModel rpc(ExecutableElement method) {
    List<ParameterModel> parameters = new ArrayList<>();
    EventSinkModel events = null;
    List<? extends VariableElement> all = method.getParameters();
    for (int i = 0; i < all.size(); i++) {
      VariableElement p = all.get(i);
      String name = p.getSimpleName().toString();
      boolean sink = isNamed(p.asType(), DuroApi.EVENT_SINK);
      if (sink && i == all.size() - 1) {
        events = new EventSinkModel(p, name, eventShape((DeclaredType) p.asType()));
      } else {
        // An EventSink anywhere else is invalid; its shape says why, the validator says where.
        parameters.add(new ParameterModel(p, name, shapeOf(p.asType()), sink));
      }
    }
    return new RpcModel(
        method,
        method.getSimpleName().toString(),
        method.getModifiers(),
        names(method.getTypeParameters()),
        parameters,
        shapeOf(method.getReturnType()),
        Optional.ofNullable(elements.getDocComment(method))
            .map(ObjectModelFactory::normalizeDoc)
            .filter(d -> !d.isEmpty()),
        elements.isDeprecated(method),
        thrown(method),
        Optional.ofNullable(events));
  }

  /** The shape of the events of an {@code EventSink} parameter: its type argument's. */
  private TypeShape eventShape(DeclaredType sink) {
    List<? extends TypeMirror> args = sink.getTypeArguments();
    if (args.size() != 1) {
      return new TypeShape.Unsupported(
          sink.toString(), "a raw EventSink has no event type; add a type argument");
    }
    return shapeOf(args.get(0));
  }

  private List<ThrownType> thrown(ExecutableElement method) {
    List<ThrownType> thrown = new ArrayList<>();
    for (TypeMirror t : method.getThrownTypes()) {
      if (t.getKind() != TypeKind.DECLARED) {
        thrown.add(new ThrownType(t, t.toString(), ThrownType.Construction.NONE, false));
        continue;
      }
      TypeElement e = (TypeElement) ((DeclaredType) t).asElement();
      thrown.add(
          new ThrownType(t, elements.getBinaryName(e).toString(), construction(e), nameable(e)));
    }
    return thrown;
  }

  /** Whether code in the object's package (the stub) can name type {@code e}. */
  private boolean nameable(TypeElement e) {
    boolean samePackage = elements.getPackageOf(e).getQualifiedName().contentEquals(objectPackage);
    for (Element t = e; t instanceof TypeElement; t = t.getEnclosingElement()) {
      Set<Modifier> m = t.getModifiers();
      if (m.contains(Modifier.PRIVATE) || (!samePackage && !m.contains(Modifier.PUBLIC))) {
        return false;
      }
    }
    return true;
  }

  /** How the stub, in the object's package, can construct exception {@code e}. */
  private ThrownType.Construction construction(TypeElement e) {
    if (e.getModifiers().contains(Modifier.ABSTRACT)
        || !e.getTypeParameters().isEmpty()
        || !nameable(e)) {
      return ThrownType.Construction.NONE;
    }
    if (e.getNestingKind() == NestingKind.MEMBER
        && !e.getModifiers().contains(Modifier.STATIC)
        && !e.getEnclosingElement().getKind().isInterface()) {
      // An inner class needs an enclosing instance.
      return ThrownType.Construction.NONE;
    }
    ThrownType.Construction found = ThrownType.Construction.NONE;
    for (Element member : e.getEnclosedElements()) {
      if (member.getKind() != ElementKind.CONSTRUCTOR
          || !member.getModifiers().contains(Modifier.PUBLIC)) {
        continue;
      }
      List<? extends VariableElement> params = ((ExecutableElement) member).getParameters();
      boolean clean =
          ((ExecutableElement) member).getThrownTypes().stream().allMatch(this::unchecked);
      if (!clean) {
        continue;
      }
      if (params.size() == 1 && params.get(0).asType().toString().equals("java.lang.String")) {
        return ThrownType.Construction.MESSAGE;
      }
      if (params.isEmpty()) {
        found = ThrownType.Construction.NO_ARG;
      }
    }
    return found;
  }

  private boolean unchecked(TypeMirror t) {
    TypeElement runtime = elements.getTypeElement("java.lang.RuntimeException");
    TypeElement error = elements.getTypeElement("java.lang.Error");
    return types.isAssignable(t, runtime.asType()) || types.isAssignable(t, error.asType());
  }

  private HookModel hook(ExecutableElement method) {
    List<String> parameterTypes = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      parameterTypes.add(p.asType().toString());
    }
    List<? extends VariableElement> params = method.getParameters();
    boolean takesAlarmInfo =
        params.size() == 1 && isNamed(params.get(0).asType(), DuroApi.ALARM_INFO);
    return new HookModel(
        method,
        method.getSimpleName().toString(),
        method.getModifiers(),
        method.getReturnType().toString(),
        method.getReturnType().getKind() == TypeKind.VOID,
        parameterTypes,
        takesAlarmInfo,
        elements.isDeprecated(method));
  }

  private ConstructorModel constructor(ExecutableElement c) {
    List<? extends VariableElement> params = c.getParameters();
    ConstructorModel.Kind kind =
        params.isEmpty()
            ? ConstructorModel.Kind.NO_ARG
            : params.size() == 1 && isNamed(params.get(0).asType(), DuroApi.OBJECT_CONTEXT)
                ? ConstructorModel.Kind.CONTEXT
                : ConstructorModel.Kind.OTHER;
    List<String> checked = new ArrayList<>();
    TypeMirror runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : c.getThrownTypes()) {
      if (!types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error)) {
        checked.add(thrown.toString());
      }
    }
    List<String> parameterTypes = new ArrayList<>();
    for (VariableElement p : params) {
      parameterTypes.add(p.asType().toString());
    }
    String signature =
        c.getEnclosingElement().getSimpleName() + "(" + String.join(", ", parameterTypes) + ")";
    // The implicit constructor of a private class is private too; the class's own diagnostic
    // covers that, so it is not reported a second time as a missing constructor.
    boolean isPrivate =
        c.getModifiers().contains(Modifier.PRIVATE)
            && elements.getOrigin(c) != Elements.Origin.MANDATED;
    return new ConstructorModel(c, kind, isPrivate, checked, elements.isDeprecated(c), signature);
  }

  /** The wire shape of {@code type}. */
  TypeShape shapeOf(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return new TypeShape.Scalar(ScalarType.BOOLEAN);
      case BYTE:
        return new TypeShape.Scalar(ScalarType.BYTE);
      case SHORT:
        return new TypeShape.Scalar(ScalarType.SHORT);
      case CHAR:
        return new TypeShape.Scalar(ScalarType.CHAR);
      case INT:
        return new TypeShape.Scalar(ScalarType.INT);
      case LONG:
        return new TypeShape.Scalar(ScalarType.LONG);
      case FLOAT:
        return new TypeShape.Scalar(ScalarType.FLOAT);
      case DOUBLE:
        return new TypeShape.Scalar(ScalarType.DOUBLE);
      case VOID:
        return new TypeShape.VoidShape();
      case ARRAY:
        if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
          return new TypeShape.Scalar(ScalarType.BYTES);
        }
        return new TypeShape.Unsupported(
            type.toString(), "arrays other than byte[] are not supported; use a List");
      case DECLARED:
        return declaredShape((DeclaredType) type);
      case TYPEVAR:
        return new TypeShape.Unsupported(
            type.toString(), "type variables have no wire format; use a concrete type");
      case WILDCARD:
        return new TypeShape.Unsupported(
            type.toString(), "wildcards have no wire format; use a concrete type argument");
      default:
        return new TypeShape.Unsupported(type.toString(), "it has no wire format");
    }
  }

  /** The shape of an element of a collection or the content of an Optional: never Optional. */
  private TypeShape nestedShape(TypeMirror type, String where) {
    TypeShape shape = shapeOf(type);
    if (shape instanceof TypeShape.OptionalShape) {
      return new TypeShape.Unsupported(
          type.toString(),
          where + " cannot be Optional: protobuf has no absent element; leave absent ones out");
    }
    if (shape instanceof TypeShape.Scalar
        && ((TypeShape.Scalar) shape).type() == ScalarType.BYTES
        && where.startsWith("a Map key")) {
      return new TypeShape.Unsupported(type.toString(), "protobuf map keys cannot be bytes");
    }
    return shape;
  }

  private TypeShape declaredShape(DeclaredType type) {
    TypeElement e = (TypeElement) type.asElement();
    String name = e.getQualifiedName().toString();
    @Nullable ScalarType scalar = DECLARED_SCALARS.get(name);
    if (scalar != null) {
      return new TypeShape.Scalar(scalar);
    }
    if (name.equals(DuroApi.EVENT_SINK)) {
      return new TypeShape.Unsupported(type.toString(), EVENT_SINK_REASON);
    }
    List<? extends TypeMirror> args = type.getTypeArguments();
    switch (name) {
      case "java.time.Instant":
        return new TypeShape.WellKnown(TypeShape.WellKnown.Kind.INSTANT);
      case "java.time.Duration":
        return new TypeShape.WellKnown(TypeShape.WellKnown.Kind.DURATION);
      case "java.util.UUID":
        return new TypeShape.WellKnown(TypeShape.WellKnown.Kind.UUID);
      case "java.util.List":
      case "java.util.Set":
        if (args.size() != 1) {
          return new TypeShape.Unsupported(
              type.toString(), "raw collections have no element type; add a type argument");
        }
        return new TypeShape.Repeated(
            name.equals("java.util.Set"), nestedShape(args.get(0), "a collection element"));
      case "java.util.Map":
        if (args.size() != 2) {
          return new TypeShape.Unsupported(
              type.toString(), "raw maps have no key and value types; add type arguments");
        }
        TypeShape key = nestedShape(args.get(0), "a Map key");
        if (key.isSupported() && !isMapKey(key)) {
          key =
              new TypeShape.Unsupported(
                  key.displayName(),
                  "protobuf map keys must be String, UUID, boolean or an integral type");
        }
        return new TypeShape.MapShape(key, nestedShape(args.get(1), "a Map value"));
      case "java.util.Optional":
        if (args.size() != 1) {
          return new TypeShape.Unsupported(
              type.toString(), "a raw Optional has no content type; add a type argument");
        }
        return new TypeShape.OptionalShape(nestedShape(args.get(0), "the content of an Optional"));
      default:
        break;
    }
    if (e.getKind() == ElementKind.ENUM) {
      return enumShape(e, type);
    }
    if (e.getKind() == ElementKind.RECORD) {
      return recordShape(e, type);
    }
    TypeElement message = elements.getTypeElement("com.google.protobuf.Message");
    if (message != null && types.isAssignable(type, message.asType())) {
      if (e.getModifiers().contains(Modifier.ABSTRACT) || e.getKind() != ElementKind.CLASS) {
        return new TypeShape.Unsupported(
            type.toString(), "only concrete protoc-generated message classes are supported");
      }
      return new TypeShape.ProtoMessage(
          name, elements.getPackageOf(e).getQualifiedName().toString(), simpleNames(e));
    }
    return new TypeShape.Unsupported(
        type.toString(), "it is not one of the supported types (" + TypeShape.SUPPORTED + ")");
  }

  private static boolean isMapKey(TypeShape key) {
    if (key instanceof TypeShape.WellKnown) {
      return ((TypeShape.WellKnown) key).kind() == TypeShape.WellKnown.Kind.UUID;
    }
    if (!(key instanceof TypeShape.Scalar)) {
      return false;
    }
    ScalarType t = ((TypeShape.Scalar) key).type();
    return t != ScalarType.BYTES
        && t.primitive() != ScalarType.FLOAT
        && t.primitive() != ScalarType.DOUBLE;
  }

  /** Why generated code in the object's package could not use {@code e}, if it could not. */
  private Optional<String> accessProblem(TypeElement e, String what) {
    if (!e.getTypeParameters().isEmpty()) {
      return Optional.of("generic " + what + "s are not supported; use a non-generic " + what);
    }
    if (e.getNestingKind() == NestingKind.LOCAL || e.getNestingKind() == NestingKind.ANONYMOUS) {
      return Optional.of("local " + what + "s cannot be named by generated code; move it out");
    }
    boolean samePackage = elements.getPackageOf(e).getQualifiedName().contentEquals(objectPackage);
    for (Element t = e; t instanceof TypeElement; t = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(
            "the " + what + " is private, but generated code must use it; make it package-private");
      }
      if (!samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
        String whose = t == e ? "the " + what : "its enclosing type " + t.getSimpleName();
        return Optional.of(
            whose
                + " is not public and is in another package than the object, whose generated"
                + " code must use it; make it public");
      }
    }
    return Optional.empty();
  }

  private TypeShape enumShape(TypeElement e, DeclaredType type) {
    String name = e.getQualifiedName().toString();
    TypeShape.EnumRef ref =
        new TypeShape.EnumRef(
            name,
            type.toString(),
            elements.getPackageOf(e).getQualifiedName().toString(),
            simpleNames(e));
    if (registryHasEnum(name)) {
      return ref;
    }
    List<TypeRegistry.Constant> constants = new ArrayList<>();
    int ordinal = 0;
    for (Element member : e.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        Optional<Integer> pinned = fieldNumber(member);
        constants.add(
            new TypeRegistry.Constant(
                member,
                member.getSimpleName().toString(),
                pinned.orElse(ordinal),
                pinned.isPresent()));
        ordinal++;
      }
    }
    registry.put(
        new TypeRegistry.EnumModel(
            e,
            name,
            elements.getPackageOf(e).getQualifiedName().toString(),
            simpleNames(e),
            constants,
            accessProblem(e, "enum")));
    return ref;
  }

  private boolean registryHasEnum(String name) {
    return registry.enums().stream().anyMatch(x -> x.qualifiedName().equals(name));
  }

  private TypeShape recordShape(TypeElement e, DeclaredType type) {
    String name = e.getQualifiedName().toString();
    TypeShape.RecordRef ref =
        new TypeShape.RecordRef(
            name,
            type.toString(),
            elements.getPackageOf(e).getQualifiedName().toString(),
            simpleNames(e));
    if (inProgress.contains(name)
        || registry.records().stream().anyMatch(r -> r.qualifiedName().equals(name))) {
      return ref;
    }
    inProgress.add(name);
    List<TypeRegistry.Component> components = new ArrayList<>();
    int position = 1;
    for (RecordComponentElement c : e.getRecordComponents()) {
      Optional<Integer> pinned = fieldNumber(c);
      components.add(
          new TypeRegistry.Component(
              c,
              c.getSimpleName().toString(),
              pinned.orElse(position),
              pinned.isPresent(),
              shapeOf(c.asType())));
      position++;
    }
    inProgress.remove(name);
    registry.put(
        new TypeRegistry.RecordModel(
            e,
            name,
            elements.getPackageOf(e).getQualifiedName().toString(),
            simpleNames(e),
            components,
            accessProblem(e, "record")));
    return ref;
  }

  /** The value of {@code @Field} on {@code element}, if any. */
  private static Optional<Integer> fieldNumber(Element element) {
    Optional<AnnotationMirror> field = annotation(element, DuroApi.FIELD);
    if (field.isEmpty()) {
      return Optional.empty();
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        field.get().getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value")
          && e.getValue().getValue() instanceof Integer) {
        return Optional.of((Integer) e.getValue().getValue());
      }
    }
    return Optional.empty();
  }

  private static boolean isNamed(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement() instanceof TypeElement
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  private static boolean hasAnnotation(Element element, String qualifiedName) {
    return annotation(element, qualifiedName).isPresent();
  }

  private static Optional<AnnotationMirror> annotation(Element element, String qualifiedName) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      Element a = m.getAnnotationType().asElement();
      if (a instanceof TypeElement
          && ((TypeElement) a).getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static List<String> simpleNames(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      names.add(0, e.getSimpleName().toString());
    }
    return names;
  }

  private static List<String> names(List<? extends TypeParameterElement> typeParameters) {
    List<String> names = new ArrayList<>();
    for (TypeParameterElement t : typeParameters) {
      names.add(t.getSimpleName().toString());
    }
    return names;
  }

  private static boolean isErroneous(ExecutableElement method) {
    if (isErroneous(method.getReturnType())) {
      return true;
    }
    for (VariableElement p : method.getParameters()) {
      if (isErroneous(p.asType())) {
        return true;
      }
    }
    for (TypeMirror t : method.getThrownTypes()) {
      if (isErroneous(t)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} is, or is built from, an unresolved type. */
  private static boolean isErroneous(@Nullable TypeMirror type) {
    if (type == null) {
      return false;
    }
    switch (type.getKind()) {
      case ERROR:
        return true;
      case ARRAY:
        return isErroneous(((ArrayType) type).getComponentType());
      case DECLARED:
        for (TypeMirror arg : ((DeclaredType) type).getTypeArguments()) {
          if (isErroneous(arg)) {
            return true;
          }
        }
        return false;
      case WILDCARD:
        WildcardType w = (WildcardType) type;
        return isErroneous(w.getExtendsBound()) || isErroneous(w.getSuperBound());
      default:
        return false;
    }
  }

  /**
   * Javadoc as javac returns it keeps each line's indentation after the {@code *}; remove the
   * common indentation and surrounding blank lines so it can be re-emitted in generated code.
   */
  static String normalizeDoc(String doc) {
    List<String> lines = new ArrayList<>(List.of(doc.split("\r?\n", -1)));
    lines.replaceAll(String::stripTrailing);
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isEmpty()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isEmpty() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
