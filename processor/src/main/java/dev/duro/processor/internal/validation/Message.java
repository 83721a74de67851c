package dev.duro.processor.internal.validation;

import java.util.Locale;

/**
 * Every diagnostic the processor reports. Each has a stable tag, printed as {@code [Tag]} at the
 * start of the message so builds and tests can match it; the text says what is wrong, why, and how
 * to fix it. Several constants may share a tag when they are variants of one rule.
 */
public enum Message {
  NOT_A_CLASS(
      "DuroNotAClass",
      "@DurableObject must annotate a class, but %s is %s. The host constructs one instance per"
          + " object id and calls its methods. Declare it as a class."),
  NESTED_CLASS(
      "DuroNestedClass",
      "@DurableObject class %s is nested in %s; only top-level classes are supported for now."
          + " Move it to its own source file."),
  PRIVATE_CLASS(
      "DuroPrivateClass",
      "@DurableObject class %s must not be private: generated code in the same package creates and"
          + " calls it. Make it public or package-private."),
  ABSTRACT_CLASS(
      "DuroAbstractClass",
      "@DurableObject class %s must not be abstract: the host creates its instances. Remove"
          + " 'abstract', or annotate a concrete subclass instead."),
  GENERIC_CLASS(
      "DuroGenericClass",
      "@DurableObject class %s must not declare type parameters <%s>: the host cannot choose type"
          + " arguments. Remove them, or annotate a non-generic subclass that fixes them."),
  NO_CONSTRUCTOR(
      "DuroNoConstructor",
      "@DurableObject class %s has no constructor the host can call: it needs a non-private"
          + " constructor taking no arguments or exactly one dev.duro.ObjectContext. Add, for"
          + " example, '%s(ObjectContext context)'."),
  CONSTRUCTOR_THROWS(
      "DuroConstructorThrows",
      "Constructor %s declares checked exceptions (%s), which the generated binding cannot"
          + " propagate. Handle them in the constructor, or move that work to an @OnActivate"
          + " method, which may throw."),
  NAMESPACE_NAME(
      "DuroNamespaceName",
      "Namespace name \"%s\" of %s must match %s: it names the object's gRPC service and keys its"
          + " ids and storage. Use dot-separated parts of ASCII letters, digits and '_', each"
          + " starting with a letter or '_', for example \"%s\"."),
  RPC_PRIVATE(
      "DuroRpcPrivate",
      "@Rpc method %s must not be private: the generated %s calls it directly. Make it public or"
          + " package-private."),
  RPC_STATIC(
      "DuroRpcStatic",
      "@Rpc method %s must not be static: every call runs on one object instance. Remove"
          + " 'static'."),
  GENERIC_METHOD(
      "DuroGenericMethod",
      "@Rpc method %s must not declare type parameters <%s>: the wire format needs concrete types."
          + " Replace them with concrete types."),
  RPC_OVERLOADED(
      "DuroRpcOverloaded",
      "@Rpc method %s has the same name as @Rpc method %s: calls name their method on the wire, so"
          + " @Rpc names must be unique. Rename one of them."),
  RPC_RESERVED_NAME(
      "DuroRpcReservedName",
      "@Rpc method %s cannot be named '%s': the generated %s already has a member of that name."
          + " Rename the method."),
  RPC_NAME(
      "DuroRpcName",
      "@Rpc method %s must have a name matching [A-Za-z_][A-Za-z0-9_]*: it names a gRPC method."
          + " Rename the method."),
  UNSUPPORTED_PARAMETER_TYPE(
      "DuroUnsupportedType",
      "Parameter '%s' of @Rpc method %s has type %s, which Duro cannot encode: %s. Change it to a"
          + " supported type: %s."),
  UNSUPPORTED_RETURN_TYPE(
      "DuroUnsupportedType",
      "@Rpc method %s returns %s, which Duro cannot encode: %s. Change it to void or a supported"
          + " type: %s."),
  UNSUPPORTED_EVENT_TYPE(
      "DuroUnsupportedType",
      "Parameter '%s' of streaming @Rpc method %s sends events of type %s, which Duro cannot"
          + " encode: %s. Change the event type to one an @Rpc method may return: %s."),
  EVENT_SINK_NOT_LAST(
      "DuroEventSink",
      "Parameter '%s' of @Rpc method %s is an EventSink, but not the last parameter: a method"
          + " streams when its last parameter is its EventSink, and the other parameters are the"
          + " request. Move '%1$s' to the end."),
  EVENT_SINK_DUPLICATE(
      "DuroEventSink",
      "Parameter '%s' of @Rpc method %s is a second EventSink, after '%s': each call of a"
          + " streaming method is one stream, with one sink. Keep one EventSink, last."),
  STREAM_RETURN_TYPE(
      "DuroStreamReturnType",
      "Streaming @Rpc method %s must return void, not %s: its results are the events it sends"
          + " to its EventSink, which callers receive from the stub's Flow.Publisher. Make it void"
          + " and send the result as an event."),
  UNSUPPORTED_FIELD_TYPE(
      "DuroUnsupportedType",
      "@Persist field '%s' has type %s, which Duro cannot encode: %s. Change it to a supported"
          + " type: %s."),
  UNSUPPORTED_STORAGE_TYPE(
      "DuroUnsupportedType",
      "@DurableObject(storageTypes) lists %s, which Duro cannot store as a typed value: %s. List"
          + " only records and enums (built-in types such as String, Long or Instant need no"
          + " listing)."),
  UNSUPPORTED_MAP_TYPE(
      "DuroUnsupportedType",
      "DurableMap field '%s' has %s type %s, which Duro cannot use there: %s. Change it to one of:"
          + " %s."),
  FIELD_NUMBER(
      "DuroFieldNumber",
      "%s %s of %s has number %s, %s: numbers identify values on the wire, so they must be unique"
          + " and valid. Pin a different number with @Field, or remove the clashing @Field."),
  ENUM_NO_ZERO(
      "DuroFieldNumber",
      "No constant of enum %s has number 0: absent and unknown numbers decode to the constant"
          + " numbered 0. Pin one constant with @Field(0)."),
  RECURSIVE_RECORD(
      "DuroRecursiveRecord",
      "Record %s contains itself through %s without an Optional, List, Set or Map in between, so"
          + " no finite value of it exists and an absent one has no default. Wrap the component in"
          + " Optional."),
  NAME_COLLISION(
      "DuroNameCollision",
      "%s and %s would both be named %s in the .proto generated for %s: every message and enum of"
          + " a service needs its own name. Rename one of them."),
  NOT_DURABLE(
      "DuroNotDurableObject",
      "@%s %s is declared in %s, which is not a @DurableObject class, so Duro never sees it."
          + " Annotate %3$s with @DurableObject, or remove @%1$s."),
  PERSIST_PRIVATE(
      "DuroPersistPrivate",
      "@Persist field '%s' must not be private: the generated %s reads and writes it directly."
          + " Make it package-private."),
  PERSIST_FINAL(
      "DuroPersistFinal",
      "@Persist field '%s' must not be final: the generated %s assigns it when the object is"
          + " loaded and when a failed turn is rolled back. Remove 'final'."),
  PERSIST_STATIC(
      "DuroPersistStatic",
      "@Persist field '%s' must not be static: durable state belongs to one object instance."
          + " Remove 'static', or remove @Persist."),
  MAP_FIELD_PRIVATE(
      "DuroMapFieldPrivate",
      "DurableMap field '%s' must not be private: the generated %s assigns it when the object is"
          + " created. Make it package-private."),
  MAP_FIELD_FINAL(
      "DuroMapFieldFinal",
      "DurableMap field '%s' must not be final: the generated %s assigns it when the object is"
          + " created. Remove 'final' and the initializer."),
  MAP_FIELD_STATIC(
      "DuroMapFieldStatic",
      "DurableMap field '%s' must not be static: its entries belong to one object instance."
          + " Remove 'static'."),
  MAP_FIELD_PERSIST(
      "DuroMapFieldPersist",
      "DurableMap field '%s' must not be annotated @Persist: its entries live in the object's"
          + " storage, read lazily, not in a persisted field. Remove @Persist."),
  ALARM_DUPLICATE(
      "DuroAlarmDuplicate",
      "@Alarm method %s is a second @Alarm method, after %s: an object has one alarm and one"
          + " @Alarm method. Remove @Alarm from one of them."),
  ALARM_RETURN_TYPE(
      "DuroAlarmSignature",
      "@Alarm method %s must return void, not %s: nothing receives its result. Make it void."),
  ALARM_PARAMETERS(
      "DuroAlarmSignature",
      "@Alarm method %s must take no parameters or one dev.duro.AlarmInfo: those are all the host"
          + " can pass. Change its parameters."),
  ALARM_MODIFIER(
      "DuroAlarmSignature",
      "@Alarm method %s must not be %s: the generated %s calls it on the object. Remove '%2$s'."),
  ON_ACTIVATE_DUPLICATE(
      "DuroOnActivateDuplicate",
      "@OnActivate method %s is a second @OnActivate method, after %s: the host runs exactly one."
          + " Merge them, or remove @OnActivate from one of them."),
  ON_ACTIVATE_RETURN_TYPE(
      "DuroOnActivateSignature",
      "@OnActivate method %s must return void, not %s: nothing receives its result. Make it"
          + " void."),
  ON_ACTIVATE_PARAMETERS(
      "DuroOnActivateSignature",
      "@OnActivate method %s must take no parameters: the host has nothing to pass. Remove them"
          + " (keep an ObjectContext from the constructor instead)."),
  ON_ACTIVATE_MODIFIER(
      "DuroOnActivateSignature",
      "@OnActivate method %s must not be %s: the generated %s calls it on the object. Remove"
          + " '%2$s'."),
  WRITE_FAILED(
      "DuroWriteFailed",
      "Could not write generated type %s for %s: %s. Another type or processor may already define"
          + " it; rename the clashing type."),
  SERVICE_FILE_WRITE_FAILED(
      "DuroWriteFailed", "Could not write %s: %s. Hosts will not find this compilation's objects."),
  INTERNAL_ERROR(
      "DuroInternalError",
      "The Duro processor failed on %s. This is a bug in Duro; please report it with this"
          + " trace:\n%s");

  private final String tag;
  private final String format;

  Message(String tag, String format) {
    this.tag = tag;
    this.format = format;
  }

  /** The stable tag, without brackets: {@code DuroPersistPrivate}. */
  public String tag() {
    return tag;
  }

  /** The format string, for tests. */
  String rawFormat() {
    return format;
  }

  /** The full diagnostic text: {@code [Tag] } followed by the formatted message. */
  public String format(Object... args) {
    return "[" + tag + "] " + String.format(Locale.ROOT, format, args);
  }
}
