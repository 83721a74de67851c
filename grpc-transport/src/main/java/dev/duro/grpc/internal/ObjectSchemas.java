package dev.duro.grpc.internal;

import com.google.protobuf.AnyProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;
import dev.duro.binding.ObjectBinding;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads the protobuf schema the Duro processor writes next to each object class, as resource {@code
 * META-INF/duro/<binary name with '/'>.desc} (a serialized {@code FileDescriptorProto}), so that
 * gRPC reflection can describe the object's service. Its dependencies are protobuf's well-known
 * types, which protobuf-java carries compiled in. A binding without such a resource (written by
 * hand, or by an older processor) simply has no schema.
 */
final class ObjectSchemas {
  private static final Map<String, FileDescriptor> WELL_KNOWN = new HashMap<>();

  static {
    for (FileDescriptor d :
        new FileDescriptor[] {
          TimestampProto.getDescriptor(),
          DurationProto.getDescriptor(),
          WrappersProto.getDescriptor(),
          AnyProto.getDescriptor(),
          EmptyProto.getDescriptor(),
          StructProto.getDescriptor(),
          FieldMaskProto.getDescriptor()
        }) {
      WELL_KNOWN.put(d.getName(), d);
    }
  }

  private ObjectSchemas() {}

  /** The resource holding {@code objectClass}'s schema. */
  static String resource(Class<?> objectClass) {
    return "META-INF/duro/" + objectClass.getName().replace('.', '/') + ".desc";
  }

  /**
   * The schema descriptor of {@code binding}'s service, or null if its class has none.
   *
   * @throws IllegalArgumentException if the resource is malformed or describes another service
   */
  static @Nullable Supplier schema(ObjectBinding<?> binding) {
    Class<?> type = binding.objectClass();
    ClassLoader loader = type.getClassLoader();
    if (loader == null) {
      return null;
    }
    String name = resource(type);
    byte[] bytes;
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
    try {
      FileDescriptorProto proto = FileDescriptorProto.parseFrom(bytes);
      FileDescriptor[] deps = new FileDescriptor[proto.getDependencyCount()];
      for (int i = 0; i < deps.length; i++) {
        deps[i] = WELL_KNOWN.get(proto.getDependency(i));
        if (deps[i] == null) {
          throw new IllegalArgumentException(
              name + " imports " + proto.getDependency(i) + ", which is not a well-known type");
        }
      }
      FileDescriptor file = FileDescriptor.buildFrom(proto, deps);
      for (ServiceDescriptor service : file.getServices()) {
        if (service.getFullName().equals(binding.namespace())) {
          return new Supplier(file, service);
        }
      }
      throw new IllegalArgumentException(
          name + " does not describe service " + binding.namespace() + "; rebuild the class");
    } catch (InvalidProtocolBufferException | DescriptorValidationException e) {
      throw new IllegalArgumentException(name + " is not a valid file descriptor", e);
    }
  }

  /** What grpc-java's reflection service looks for on a service descriptor. */
  static final class Supplier
      implements ProtoFileDescriptorSupplier, ProtoServiceDescriptorSupplier {
    private final FileDescriptor file;
    private final ServiceDescriptor service;

    Supplier(FileDescriptor file, ServiceDescriptor service) {
      this.file = file;
      this.service = service;
    }

    @Override
    public FileDescriptor getFileDescriptor() {
      return file;
    }

    @Override
    public ServiceDescriptor getServiceDescriptor() {
      return service;
    }
  }
}
