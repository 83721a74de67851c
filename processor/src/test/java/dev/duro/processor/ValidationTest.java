package dev.duro.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per diagnostic: each pins the tag, the file and the line, and the exact error count
 * proves that nothing else fired. That an invalid class gets no generated code is tested in {@code
 * DurableObjectStepTest}: compile-testing hides generated files of failed compilations.
 */
class ValidationTest {
  @Test
  void privateRpc() {
    assertOnlyError("RpcPrivate", "DuroRpcPrivate", "private long secret()");
  }

  @Test
  void staticRpc() {
    assertOnlyError("RpcStatic", "DuroRpcStatic", "static long shared()");
  }

  @Test
  void privatePersistField() {
    Compilation compilation =
        assertOnlyError("PersistPrivate", "DuroPersistPrivate", "private long count");
    // The full text once, to pin the what / why / fix shape of every message.
    assertThat(compilation)
        .hadErrorContaining(
            "[DuroPersistPrivate] @Persist field 'count' must not be private: the generated"
                + " PersistPrivate_Binding reads and writes it directly. Make it"
                + " package-private.");
  }

  @Test
  void finalPersistField() {
    assertOnlyError("PersistFinal", "DuroPersistFinal", "final long count");
  }

  @Test
  void staticPersistField() {
    assertOnlyError("PersistStatic", "DuroPersistStatic", "static long count");
  }

  @Test
  void secondAlarmIsReportedOnTheSecond() {
    assertOnlyError("AlarmDuplicate", "DuroAlarmDuplicate", "void second(");
  }

  @Test
  void alarmMustReturnVoid() {
    assertOnlyError("AlarmReturnType", "DuroAlarmSignature", "boolean ring()");
  }

  @Test
  void alarmTakesNothingOrAlarmInfo() {
    assertOnlyError("AlarmParameters", "DuroAlarmSignature", "void ring(AlarmInfo info, String");
  }

  @Test
  void alarmMustNotBePrivateOrStatic() {
    JavaFileObject file = Compilations.input("AlarmModifiers");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[DuroAlarmSignature] @Alarm method AlarmModifiers.ring() must not be" + " private")
        .inFile(file)
        .onLineContaining("private static void ring()");
    assertThat(compilation)
        .hadErrorContaining("must not be static")
        .inFile(file)
        .onLineContaining("private static void ring()");
  }

  @Test
  void onActivateMustReturnVoid() {
    assertOnlyError("OnActivateReturnType", "DuroOnActivateSignature", "String start()");
  }

  @Test
  void onActivateTakesNoParameters() {
    assertOnlyError("OnActivateParameters", "DuroOnActivateSignature", "void start(ObjectContext");
  }

  @Test
  void secondOnActivateIsReportedOnTheSecond() {
    assertOnlyError("OnActivateDuplicate", "DuroOnActivateDuplicate", "void second()");
  }

  @Test
  void unsupportedParameterTypeIsPinnedOnTheParameter() {
    Compilation compilation =
        assertOnlyError("UnsupportedParameterType", "DuroUnsupportedType", "List<Thread> names");
    assertThat(compilation).hadErrorContaining("java.util.List<java.lang.Thread>");
    assertThat(compilation).hadErrorContaining("its part [] has type java.lang.Thread");
    assertThat(compilation).hadErrorContaining("supported type: primitives and their boxes");
  }

  @Test
  void unsupportedReturnTypeIsPinnedOnTheMethod() {
    Compilation compilation =
        assertOnlyError("UnsupportedReturnType", "DuroUnsupportedType", "public Object snapshot(");
    assertThat(compilation).hadErrorContaining("returns java.lang.Object");
  }

  @Test
  void unsupportedFieldTypeIsPinnedOnTheField() {
    Compilation compilation =
        assertOnlyError("UnsupportedFieldType", "DuroUnsupportedType", "Instant> scores");
    assertThat(compilation)
        .hadErrorContaining(
            "its part {key} has type java.lang.Double, and protobuf map keys must be String, UUID,"
                + " boolean or an integral type");
  }

  @Test
  void unsupportedStorageTypeIsPinnedOnTheAnnotationValue() {
    Compilation compilation =
        assertOnlyError("UnsupportedStorageType", "DuroUnsupportedType", "storageTypes = {Thread");
    assertThat(compilation).hadErrorContaining("lists java.lang.Thread");
    assertThat(compilation).hadErrorContaining("List only records and enums");
  }

  @Test
  void abstractClass() {
    assertOnlyError("AbstractClass", "DuroAbstractClass", "abstract class AbstractClass");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NotAClassInterface", "NotAClassEnum", "NotAClassRecord"})
  void notAClass(String input) {
    assertOnlyError(input, "DuroNotAClass", " " + input);
  }

  @Test
  void nestedClass() {
    assertOnlyError("NestedClass", "DuroNestedClass", "class Inner");
  }

  @Test
  void privateClass() {
    JavaFileObject file = Compilations.input("PrivateClass");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[DuroPrivateClass]")
        .inFile(file)
        .onLineContaining("private static class Hidden");
    assertThat(compilation)
        .hadErrorContaining("[DuroNestedClass]")
        .inFile(file)
        .onLineContaining("private static class Hidden");
  }

  @Test
  void genericClass() {
    assertOnlyError("GenericClass", "DuroGenericClass", "class GenericClass<T>");
  }

  @Test
  void genericRpcMethod() {
    assertOnlyError("GenericMethod", "DuroGenericMethod", "<T> long get()");
  }

  @Test
  void noUsableConstructor() {
    assertOnlyError("NoConstructor", "DuroNoConstructor", "public class NoConstructor");
  }

  @Test
  void constructorWithCheckedExceptions() {
    Compilation compilation =
        assertOnlyError(
            "ConstructorThrows", "DuroConstructorThrows", "public ConstructorThrows(ObjectContext");
    assertThat(compilation).hadErrorContaining("(java.io.IOException)");
  }

  @Test
  void overloadedRpcIsReportedOnTheSecond() {
    assertOnlyError("RpcOverloaded", "DuroRpcOverloaded", "long get(long plus)");
  }

  @Test
  void rpcNameReservedByTheStub() {
    assertOnlyError("RpcReservedName", "DuroRpcReservedName", "String id()");
  }

  @Test
  void rpcNameMustBeAProtobufIdentifier() {
    assertOnlyError("RpcName", "DuroRpcName", "long price$()");
  }

  @Test
  void invalidNamespaceIsPinnedOnTheAnnotationValue() {
    Compilation compilation =
        assertOnlyError("NamespaceName", "DuroNamespaceName", "\"shopping cart\")");
    assertThat(compilation).hadErrorContaining("for example \"shopping_cart\"");
  }

  @Test
  void invalidDefaultNamespaceIsPinnedOnTheAnnotation() {
    assertOnlyError("Default$Name", "DuroNamespaceName", "@DurableObject");
  }

  @Test
  void everyProblemOfAClassIsReportedInOneCompilation() {
    JavaFileObject file = Compilations.input("ManyProblems");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(8);
    assertError(compilation, file, "DuroNamespaceName", "@DurableObject(\"many problems\")");
    assertError(compilation, file, "DuroPersistPrivate", "private long hidden");
    assertError(compilation, file, "DuroPersistFinal", "final String fixed");
    assertError(compilation, file, "DuroRpcPrivate", "private long secret()");
    assertError(compilation, file, "DuroRpcOverloaded", "long secret(long plus)");
    assertError(compilation, file, "DuroUnsupportedType", "Map<String, Thread> table");
    assertError(compilation, file, "DuroAlarmDuplicate", "long second()");
    assertError(compilation, file, "DuroAlarmSignature", "long second()");
  }

  @Test
  void durableMapFieldProblemsArePinnedOnTheField() {
    JavaFileObject file = Compilations.input("DurableMapProblems");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(10);
    assertError(compilation, file, "DuroUnsupportedType", "DurableMap<Double, String> badKey");
    assertError(compilation, file, "DuroUnsupportedType", "DurableMap<String, Thread> badValue");
    assertError(compilation, file, "DuroUnsupportedType", "DurableMap raw");
    assertError(compilation, file, "DuroUnsupportedType", "DurableMap<Duration, String>");
    assertError(compilation, file, "DuroUnsupportedType", "DurableMap<List<String>, String>");
    assertError(compilation, file, "DuroMapFieldPrivate", "private DurableMap<String, String>");
    assertError(compilation, file, "DuroMapFieldFinal", "final DurableMap<String, String>");
    assertError(compilation, file, "DuroMapFieldStatic", "static DurableMap<String, String>");
    assertError(compilation, file, "DuroMapFieldPersist", "@Persist DurableMap<String, String>");
    assertError(compilation, file, "DuroUnsupportedType", "DurableMap<String, ?> wildcard");
    assertThat(compilation)
        .hadErrorContaining(
            "[DuroUnsupportedType] DurableMap field 'badKey' has key type java.lang.Double, which"
                + " Duro cannot use there: keys need an encoding that sorts like the keys. Change"
                + " it to one of: java.lang.String, java.lang.Long, java.lang.Integer,"
                + " java.lang.Short, java.lang.Byte, java.time.Instant, java.util.UUID.");
  }

  @Test
  void unknownTypeLeavesTheErrorToJavac() {
    JavaFileObject file = Compilations.input("MissingType");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(file)
        .onLineContaining("Missing what");
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      assertThat(d.getMessage(null)).doesNotContain("[Duro");
    }
  }

  /** Compiles {@code input} and asserts it fails with exactly one error, the given one. */
  @Test
  void duplicateFieldNumberIsPinnedOnTheRecord() {
    Compilation compilation =
        assertOnlyError("FieldNumberDuplicate", "DuroFieldNumber", "record Pair(");
    assertThat(compilation)
        .hadErrorContaining(
            "Component b of test.FieldNumberDuplicate.Pair has number 1, the same"
                + " as component a");
  }

  @Test
  void enumWithoutZeroIsPinnedOnTheEnum() {
    assertOnlyError("EnumNoZero", "DuroFieldNumber", "enum Level");
  }

  @Test
  void recordThatRequiresItselfIsPinnedOnTheRecord() {
    Compilation compilation =
        assertOnlyError("RecursiveRecord", "DuroRecursiveRecord", "record Node(");
    assertThat(compilation).hadErrorContaining("through Node.next");
  }

  @Test
  void recordNamedLikeAGeneratedMessageIsACollision() {
    Compilation compilation =
        assertOnlyError(
            "ProtoNameCollision", "DuroNameCollision", "public class ProtoNameCollision");
    assertThat(compilation).hadErrorContaining("would both be named AddRequest");
  }

  @Test
  void memberAnnotationsOutsideADurableObjectAreEachReported() {
    JavaFileObject file = Compilations.input("NotDurable");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining(
            "[DuroNotDurableObject] @Persist field 'count' is declared in test.NotDurable, which is"
                + " not a @DurableObject class, so Duro never sees it. Annotate test.NotDurable"
                + " with @DurableObject, or remove @Persist.")
        .inFile(file)
        .onLineContaining("@Persist long count");
    assertThat(compilation)
        .hadErrorContaining("[DuroNotDurableObject] @Rpc method get()")
        .inFile(file)
        .onLineContaining("@Rpc");
    assertThat(compilation)
        .hadErrorContaining("[DuroNotDurableObject] @Alarm method ring()")
        .inFile(file)
        .onLineContaining("@Alarm");
    assertThat(compilation)
        .hadErrorContaining("[DuroNotDurableObject] @OnActivate method wake()")
        .inFile(file)
        .onLineContaining("@OnActivate");
  }

  @Test
  void typesGeneratedCodeCannotAccessAreReportedWhereTheyAreUsed() {
    JavaFileObject base = Compilations.input("ProtectedBase");
    JavaFileObject file = Compilations.input("InaccessibleType");
    Compilation compilation = Compilations.compile(base, file);
    // Exactly these two: none from javac inside generated code, which is not generated.
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[DuroUnsupportedType] Parameter 'item' of @Rpc method"
                + " InaccessibleType.size(test.other.ProtectedBase.Item)")
        .inFile(file)
        .onLineContaining("public int size(Item item)");
    assertThat(compilation)
        .hadErrorContaining(
            "the record is not public and is in another package than the object, whose generated"
                + " code must use it; make it public")
        .inFile(file)
        .onLineContaining("public int size(Item item)");
    assertThat(compilation)
        .hadErrorContaining("[DuroUnsupportedType] @Rpc method InaccessibleType.kind() returns")
        .inFile(file)
        .onLineContaining("public Kind kind()");
  }

  // ---- streaming methods (an EventSink last parameter)

  @Test
  void eventSinkThatIsNotTheLastParameterIsPinnedOnIt() {
    Compilation compilation =
        assertOnlyError("StreamSinkNotLast", "DuroEventSink", "EventSink<String> events,");
    assertThat(compilation)
        .hadErrorContaining(
            "[DuroEventSink] Parameter 'events' of @Rpc method StreamSinkNotLast.join("
                + "dev.duro.EventSink<java.lang.String>, java.lang.String) is an EventSink, but not"
                + " the last parameter: a method streams when its last parameter is its EventSink,"
                + " and the other parameters are the request. Move 'events' to the end.");
  }

  @Test
  void secondEventSinkIsPinnedOnIt() {
    Compilation compilation =
        assertOnlyError("StreamSinkDuplicate", "DuroEventSink", "EventSink<String> second)");
    assertThat(compilation).hadErrorContaining("is a second EventSink, after 'first'");
  }

  @Test
  void streamingMethodMustReturnVoid() {
    Compilation compilation =
        assertOnlyError("StreamReturnType", "DuroStreamReturnType", "public int join(");
    assertThat(compilation)
        .hadErrorContaining(
            "Streaming @Rpc method StreamReturnType.join(java.lang.String,"
                + " dev.duro.EventSink<java.lang.String>) must return void, not int");
  }

  @Test
  void eventTypesDuroCannotEncodeArePinnedOnTheSink() {
    JavaFileObject file = Compilations.input("StreamEventTypes");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining(
            "[DuroUnsupportedType] Parameter 'events' of streaming @Rpc method"
                + " StreamEventTypes.raw(dev.duro.EventSink) sends events of type"
                + " dev.duro.EventSink, which Duro cannot encode: a raw EventSink has no event"
                + " type; add a type argument.")
        .inFile(file)
        .onLineContaining("void raw(EventSink events)");
    assertThat(compilation)
        .hadErrorContaining("wildcards have no wire format")
        .inFile(file)
        .onLineContaining("EventSink<?> events");
    assertThat(compilation)
        .hadErrorContaining("sends events of type java.lang.Thread")
        .inFile(file)
        .onLineContaining("EventSink<Thread> events");
    assertThat(compilation)
        .hadErrorContaining("sends events of type java.lang.Void")
        .inFile(file)
        .onLineContaining("EventSink<Void> events");
  }

  @Test
  void eventSinkAnywhereElseIsNotAValue() {
    JavaFileObject file = Compilations.input("EventSinkPositions");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).hadErrorCount(6);
    String why = "an EventSink is a subscriber's connection, not a value";
    assertThat(compilation)
        .hadErrorContaining("@Persist field 'persisted' has type dev.duro.EventSink")
        .inFile(file)
        .onLineContaining("@Persist EventSink<String> persisted");
    assertThat(compilation)
        .hadErrorContaining(
            "its part {value} has type dev.duro.EventSink<java.lang.String>, and " + why)
        .inFile(file)
        .onLineContaining("@Persist Map<String, EventSink<String>> members");
    assertThat(compilation)
        .hadErrorContaining("DurableMap field 'stored' has value type")
        .inFile(file)
        .onLineContaining("DurableMap<String, EventSink<String>> stored");
    assertThat(compilation)
        .hadErrorContaining("returns dev.duro.EventSink<java.lang.String>")
        .inFile(file)
        .onLineContaining("public EventSink<String> returned()");
    assertThat(compilation)
        .hadErrorContaining("its part [] has type")
        .inFile(file)
        .onLineContaining("List<EventSink<String>> sinks");
    assertThat(compilation)
        .hadErrorContaining("its part Holder.sink has type")
        .inFile(file)
        .onLineContaining("Holder holder");
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      assertThat(d.getMessage(null)).startsWith("[DuroUnsupportedType]");
      assertThat(d.getMessage(null)).contains(why);
    }
  }

  @Test
  void withDeadlineIsReservedByTheStub() {
    JavaFileObject file =
        JavaFileObjects.forSourceLines(
            "test.Deadlines",
            "package test;",
            "import dev.duro.*;",
            "@DurableObject public class Deadlines {",
            "  @Rpc public long withDeadline(long by) { return by; }",
            "  @Rpc public long withDeadlineAfter() { return 0; }",
            "}");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[DuroRpcReservedName] @Rpc method Deadlines.withDeadline(long)")
        .inFile(file)
        .onLineContaining("long withDeadline(");
    assertThat(compilation)
        .hadErrorContaining("[DuroRpcReservedName]")
        .inFile(file)
        .onLineContaining("long withDeadlineAfter(");
  }

  private static Compilation assertOnlyError(String input, String tag, String line) {
    JavaFileObject file = Compilations.input(input);
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, file, tag, line);
    return compilation;
  }

  private static void assertError(
      Compilation compilation, JavaFileObject file, String tag, String line) {
    assertThat(compilation).hadErrorContaining("[" + tag + "]").inFile(file).onLineContaining(line);
  }
}
