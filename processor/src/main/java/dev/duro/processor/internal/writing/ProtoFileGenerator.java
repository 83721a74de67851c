package dev.duro.processor.internal.writing;

import dev.duro.processor.internal.model.ObjectModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes an object's schema as two class-path resources, both with the object class as sole
 * originating element: {@code META-INF/duro/<package path>/<Class>.proto}, the proto3 text for gRPC
 * clients, and {@code META-INF/duro/<package path>/<Class>.desc}, the same schema as a serialized
 * {@code FileDescriptorProto}, which hosts load to serve gRPC reflection. The proto package is the
 * namespace's dotted prefix and the service its last segment, so the service's full name is the
 * namespace, which is the gRPC service name hosts serve.
 */
public final class ProtoFileGenerator {
  private final Filer filer;

  public ProtoFileGenerator(ProcessingEnvironment env) {
    this.filer = env.getFiler();
  }

  /** The resource path of {@code model}'s {@code .proto}. */
  public static String protoPath(ObjectModel model) {
    return ProtoSchema.path(model, ".proto");
  }

  /** The resource path of {@code model}'s serialized file descriptor. */
  public static String descriptorPath(ObjectModel model) {
    return ProtoSchema.path(model, ".desc");
  }

  /** The {@code .proto} text of a valid object. */
  public static String text(ObjectModel model) {
    return ProtoSchema.of(model).text();
  }

  /** Writes both resources of a valid object. */
  public void generate(ObjectModel model) throws IOException {
    ProtoSchema schema = ProtoSchema.of(model);
    FileObject proto =
        filer.createResource(StandardLocation.CLASS_OUTPUT, "", protoPath(model), model.element());
    try (Writer w = proto.openWriter()) {
      w.write(schema.text());
    }
    FileObject desc =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT, "", descriptorPath(model), model.element());
    try (OutputStream out = desc.openOutputStream()) {
      out.write(schema.descriptor());
    }
  }
}
