package dev.duro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;
import com.google.testing.compile.Compilation;
import dev.duro.binding.ObjectBinding;
import dev.duro.codec.ProtoWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code .proto} and descriptor: exact text (goldens), accepted by the real {@code
 * protoc}, equal to the descriptor protoc builds from the text, and describing exactly the bytes
 * the generated codecs write (protobuf's {@code DynamicMessage} parses them with no unknown field,
 * and Duro decodes protobuf's re-encoding back to the same message).
 */
class ProtoFileTest {
  private static final String SHOP = "META-INF/duro/test/Shop";
  private static final String CART = "META-INF/duro/test/Cart";
  private static final String CHAT_ROOM = "META-INF/duro/test/ChatRoom";

  @TempDir Path dir;

  @Test
  void shopProto() {
    Compilation compilation = Compilations.compile("Shop");
    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertGolden(getClass(), "shopProto", "Shop.proto", text(compilation, SHOP + ".proto"));
  }

  @Test
  void cartProto() {
    Compilation compilation = Compilations.compile("Cart");
    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertGolden(getClass(), "cartProto", "Cart.proto", text(compilation, CART + ".proto"));
  }

  /** Streaming methods: {@code returns (stream JoinResponse)}, events shaped as unary replies. */
  @Test
  void chatRoomProto() {
    Compilation compilation = Compilations.compile("ChatRoom");
    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertGolden(
        getClass(), "chatRoomProto", "ChatRoom.proto", text(compilation, CHAT_ROOM + ".proto"));
  }

  @Test
  void protocAcceptsTheProtoAndBuildsTheSameDescriptor() throws Exception {
    Compilation compilation =
        Compilations.compile("Shop", "Cart", "Counter", "AllTypes", "Records", "ChatRoom");
    assertThat(compilation).succeededWithoutWarnings();
    Path include = dir.resolve("include");
    for (String wkt : List.of("timestamp", "duration", "wrappers")) {
      Path target = include.resolve("google/protobuf/" + wkt + ".proto");
      Files.createDirectories(target.getParent());
      try (InputStream in =
          Message.class.getClassLoader().getResourceAsStream("google/protobuf/" + wkt + ".proto")) {
        Files.copy(in, target);
      }
    }
    int checked = 0;
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf("META-INF/duro/");
      if (at < 0 || !path.endsWith(".proto")) {
        continue;
      }
      String name = path.substring(at + "META-INF/duro/".length());
      Path source = dir.resolve("src").resolve(name);
      Files.createDirectories(source.getParent());
      Files.writeString(source, file.getCharContent(true), StandardCharsets.UTF_8);
      Path out = dir.resolve(name.replace('/', '_') + ".pb");
      runProtoc(include, dir.resolve("src"), name, out);

      FileDescriptorProto fromProtoc =
          withoutJsonNames(FileDescriptorSet.parseFrom(Files.readAllBytes(out)).getFile(0));
      FileDescriptorProto generated =
          FileDescriptorProto.parseFrom(
              bytes(compilation, path.substring(at, path.length() - ".proto".length()) + ".desc"));
      assertEquals(fromProtoc, generated, name);
      FileDescriptor built = build(generated);
      assertEquals(name, built.getName());
      checked++;
    }
    assertEquals(6, checked);
  }

  /**
   * A streaming method's request and events through {@code DynamicMessage}: the descriptor marks it
   * server-streaming, protobuf's request is decoded by the binding, and each event the object sends
   * parses as the method's response message with no unknown field.
   */
  @Test
  void dynamicMessagesReadTheEventsOfAStreamingMethod() throws Exception {
    Compilation compilation = Compilations.compile("ChatRoom");
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClassLoader loader = new CompiledClassLoader(compilation);
    @SuppressWarnings("unchecked")
    ObjectBinding<Object> binding =
        (ObjectBinding<Object>)
            loader.loadClass("test.ChatRoom_Binding").getDeclaredConstructor().newInstance();
    FileDescriptor file =
        build(FileDescriptorProto.parseFrom(bytes(compilation, CHAT_ROOM + ".desc")));
    ServiceDescriptor service = file.findServiceByName("ChatRoom");
    MethodDescriptor join = service.findMethodByName("join");
    assertTrue(join.isServerStreaming());
    assertFalse(join.isClientStreaming());
    assertFalse(service.findMethodByName("post").isServerStreaming());
    assertTrue(service.findMethodByName("watch").isServerStreaming());

    Descriptor request = join.getInputType();
    Descriptor event = join.getOutputType();
    assertEquals("JoinResponse", event.getName());
    Object room = binding.newInstance(new Fakes.Context());
    Fakes.RecordingSink ann = new Fakes.RecordingSink(10);
    binding
        .decodeStream(
            "join",
            DynamicMessage.newBuilder(request)
                .setField(request.findFieldByName("user"), "ann")
                .build()
                .toByteArray())
        .invoke(room, ann);
    Fakes.RecordingSink counts = new Fakes.RecordingSink(10);
    binding.decodeStream("watch", new byte[0]).invoke(room, counts);
    Descriptor post = service.findMethodByName("post").getInputType();
    binding
        .decode(
            "post",
            DynamicMessage.newBuilder(post)
                .setField(post.findFieldByName("from"), "bob")
                .setField(post.findFieldByName("text"), "")
                .build()
                .toByteArray())
        .invoke(room);

    assertEquals(1, ann.events.size());
    DynamicMessage message = DynamicMessage.parseFrom(event, ann.events.get(0));
    assertNoUnknownFields(message, "JoinResponse");
    assertEquals("value {\n  from: \"bob\"\n}\n", message.toString(), "empty text is a default");
    Descriptor count = service.findMethodByName("watch").getOutputType();
    List<String> seen = new ArrayList<>();
    for (byte[] e : counts.events) {
      DynamicMessage m = DynamicMessage.parseFrom(count, e);
      assertNoUnknownFields(m, "WatchResponse");
      seen.add(m.toString().strip());
    }
    // A boxed event is always written, 0 included: optional int64 has presence.
    assertEquals(List.of("value: 0", "value: 1"), seen);
  }

  @Test
  void dynamicMessagesReadWhatTheCodecsWriteAndTheCodecsReadWhatProtobufWrites() throws Exception {
    Compilation compilation = Compilations.compile("Shop", "ShopCheck");
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClassLoader loader = new CompiledClassLoader(compilation);
    @SuppressWarnings("unchecked")
    ObjectBinding<Object> binding =
        (ObjectBinding<Object>)
            loader.loadClass("test.Shop_Binding").getDeclaredConstructor().newInstance();
    FileDescriptor file = build(FileDescriptorProto.parseFrom(bytes(compilation, SHOP + ".desc")));
    Descriptor request = file.findMessageTypeByName("PlaceRequest");
    Descriptor response = file.findMessageTypeByName("PlaceResponse");
    Method randomOrder = loader.loadClass("test.ShopCheck").getMethod("randomOrder", Random.class);
    Method encode = null;
    for (Method m : loader.loadClass("test.Shop_Codecs").getDeclaredMethods()) {
      if (m.getName().equals("encodeShop_Order")) {
        encode = m;
      }
    }
    encode.setAccessible(true);
    for (long seed = 0; seed < 100; seed++) {
      Object order = randomOrder.invoke(null, new Random(seed));
      byte[] bytes =
          new ProtoWriter().writeMessage(1, (ProtoWriter) encode.invoke(null, order)).toByteArray();
      DynamicMessage parsed = DynamicMessage.parseFrom(request, bytes);
      assertNoUnknownFields(parsed, "PlaceRequest");
      assertTrue(parsed.hasField(request.findFieldByName("order")));

      Object shop = binding.newInstance(new Fakes.Context());
      byte[] reply = binding.decode("place", parsed.toByteArray()).invoke(shop);
      DynamicMessage result = DynamicMessage.parseFrom(response, reply);
      assertNoUnknownFields(result, "PlaceResponse");
      assertEquals(
          parsed.getField(request.findFieldByName("order")),
          result.getField(response.findFieldByName("value")),
          "seed " + seed);
    }
    // A top-level map and list, and an enum parameter.
    Descriptor count = file.findMessageTypeByName("CountRequest");
    DynamicMessage countRequest =
        DynamicMessage.newBuilder(count)
            .addRepeatedField(count.findFieldByName("keys"), "a")
            .addRepeatedField(count.findFieldByName("keys"), "b")
            .addRepeatedField(count.findFieldByName("keys"), "a")
            .setField(
                count.findFieldByName("status"),
                file.findEnumTypeByName("Shop_Status").findValueByName("SHIPPED"))
            .build();
    Object shop = binding.newInstance(new Fakes.Context());
    byte[] reply = binding.decode("count", countRequest.toByteArray()).invoke(shop);
    DynamicMessage counts =
        DynamicMessage.parseFrom(file.findMessageTypeByName("CountResponse"), reply);
    assertNoUnknownFields(counts, "CountResponse");
    assertEquals(
        "value {\n  key: \"a\"\n  value: 2\n}\nvalue {\n  key: \"b\"\n  value: 1\n}\n",
        counts.toString());
  }

  private static void assertNoUnknownFields(Message m, String path) {
    assertTrue(
        m.getUnknownFields().asMap().isEmpty(),
        path + " has unknown fields: " + m.getUnknownFields());
    for (var e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      List<?> values = f.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
      for (Object v : values) {
        assertNoUnknownFields((Message) v, path + "." + f.getName());
      }
    }
  }

  static FileDescriptor build(FileDescriptorProto proto) throws Exception {
    return FileDescriptor.buildFrom(
        proto,
        new FileDescriptor[] {
          TimestampProto.getDescriptor(),
          DurationProto.getDescriptor(),
          WrappersProto.getDescriptor()
        });
  }

  private static FileDescriptorProto withoutJsonNames(FileDescriptorProto file) {
    FileDescriptorProto.Builder b = file.toBuilder();
    for (var m : b.getMessageTypeBuilderList()) {
      for (FieldDescriptorProto.Builder f : m.getFieldBuilderList()) {
        f.clearJsonName();
      }
      for (var nested : m.getNestedTypeBuilderList()) {
        for (FieldDescriptorProto.Builder f : nested.getFieldBuilderList()) {
          f.clearJsonName();
        }
      }
    }
    return b.build();
  }

  private static void runProtoc(Path include, Path src, String name, Path out) throws Exception {
    Path protoc = Path.of(System.getProperty("duro.protoc", "target/protoc/protoc.exe"));
    assertTrue(Files.exists(protoc), "no protoc at " + protoc + "; run through Maven");
    protoc.toFile().setExecutable(true);
    List<String> command = new ArrayList<>();
    command.add(protoc.toString());
    command.add("-I" + include);
    command.add("-I" + src);
    command.add("--descriptor_set_out=" + out);
    command.add(name);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "protoc did not finish");
    assertEquals(0, p.exitValue(), "protoc rejected " + name + ":\n" + output);
    assertEquals("", output, "protoc warned about " + name);
  }

  private static String text(Compilation compilation, String path) {
    try {
      return compilation
          .generatedFile(StandardLocation.CLASS_OUTPUT, path)
          .orElseThrow(() -> new AssertionError("no " + path))
          .getCharContent(true)
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Compilation compilation, String path) {
    try (InputStream in =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, path)
            .orElseThrow(() -> new AssertionError("no " + path))
            .openInputStream()) {
      return ByteString.readFrom(in).toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
