package dev.duro.testkit;

import dev.duro.ObjectId;
import dev.duro.binding.ObjectBinding;
import dev.duro.testkit.internal.DetachedContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A read-only snapshot of what one object has committed to the kit's storage, taken by {@link
 * DuroTestKit#storage}: its {@code @Persist} fields, its storage entries and its alarm. Reading it
 * activates nothing and runs no turn, so a test can check what would survive a crash. Immutable.
 */
public final class StoredObject {
  private final String namespace;
  private final ObjectId id;
  private final Map<String, byte[]> fields;
  private final SortedMap<String, byte[]> entries;
  private final Optional<Instant> alarm;
  private final ObjectBinding<?> binding;
  private final DuroTestKit kit;

  StoredObject(
      String namespace,
      ObjectId id,
      Map<String, byte[]> fields,
      SortedMap<String, byte[]> entries,
      Optional<Instant> alarm,
      ObjectBinding<?> binding,
      DuroTestKit kit) {
    this.namespace = namespace;
    this.id = id;
    this.fields = fields;
    this.entries = entries;
    this.alarm = alarm;
    this.binding = binding;
    this.kit = kit;
  }

  /** The object's namespace. */
  public String namespace() {
    return namespace;
  }

  /** The object's id. */
  public ObjectId id() {
    return id;
  }

  /** Whether the object has stored nothing: no non-default field, no entry, no alarm. */
  public boolean isEmpty() {
    return fields.isEmpty() && entries.isEmpty() && alarm.isEmpty();
  }

  /**
   * The storage entries ({@code ctx.storage()}), in {@code list} order. The arrays are the
   * snapshot's own; do not modify them.
   */
  public SortedMap<String, byte[]> entries() {
    return entries;
  }

  /** The stored value of storage entry {@code key}. */
  public Optional<byte[]> get(String key) {
    byte[] v = entries.get(key);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  /** The stored value of storage entry {@code key} as UTF-8 text. */
  public Optional<String> getString(String key) {
    return get(key).map(v -> new String(v, StandardCharsets.UTF_8));
  }

  /**
   * The encoded {@code @Persist} fields by name (each a message whose field 1 is the value). Only
   * fields with a non-default value are stored. See {@link #fields(Class)} for decoded values.
   */
  public Map<String, byte[]> rawFields() {
    return fields;
  }

  /** The stored alarm time, if any. */
  public Optional<Instant> alarm() {
    return alarm;
  }

  /**
   * A detached copy of the object with its {@code @Persist} fields decoded from storage by the
   * generated binding: its constructor runs (with a context that knows the id and namespace but has
   * no turn), {@code @OnActivate} does not. Read its fields; changing them changes nothing stored.
   *
   * @throws IllegalArgumentException if {@code type} is not the namespace's object class
   * @throws dev.duro.codec.CodecException if a stored field does not decode
   */
  public <T> T fields(Class<T> type) {
    if (!type.equals(binding.objectClass())) {
      throw new IllegalArgumentException(
          "Namespace " + namespace + " holds " + binding.objectClass().getName() + ", not " + type);
    }
    @SuppressWarnings("unchecked")
    ObjectBinding<T> b = (ObjectBinding<T>) binding;
    T copy = b.newInstance(new DetachedContext(namespace, id, kit.invoker()));
    b.readFields(copy, fields::get);
    return copy;
  }

  @Override
  public String toString() {
    return "StoredObject["
        + namespace
        + "/"
        + id
        + ", fields="
        + fields.keySet()
        + ", entries="
        + entries.keySet()
        + ", alarm="
        + alarm.map(Instant::toString).orElse("none")
        + "]";
  }
}
