package dev.duro.processor.internal.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The records and enums reachable from one object class's signatures and fields, in the order first
 * reached. Shapes refer to them by qualified name ({@link TypeShape.RecordRef}, {@link
 * TypeShape.EnumRef}).
 */
public final class TypeRegistry {
  /** One component of a record: field {@code number} of its message. */
  public record Component(
      Element element, String name, int number, boolean pinned, TypeShape shape) {}

  /**
   * A record used by the object.
   *
   * @param problem why the record itself cannot be encoded (private, generic), if it cannot
   */
  public record RecordModel(
      TypeElement element,
      String qualifiedName,
      String packageName,
      List<String> simpleNames,
      List<Component> components,
      Optional<String> problem) {

    public RecordModel {
      simpleNames = List.copyOf(simpleNames);
      components = List.copyOf(components);
    }

    public String simpleName() {
      return simpleNames.get(simpleNames.size() - 1);
    }
  }

  /** One enum constant and its number. */
  public record Constant(Element element, String name, int number, boolean pinned) {}

  /** An enum used by the object. */
  public record EnumModel(
      TypeElement element,
      String qualifiedName,
      String packageName,
      List<String> simpleNames,
      List<Constant> constants,
      Optional<String> problem) {

    public EnumModel {
      simpleNames = List.copyOf(simpleNames);
      constants = List.copyOf(constants);
    }

    /** The constant an absent or unknown number decodes to: the one numbered 0. */
    public Optional<Constant> zero() {
      return constants.stream().filter(c -> c.number() == 0).findFirst();
    }
  }

  private final Map<String, RecordModel> records = new LinkedHashMap<>();
  private final Map<String, EnumModel> enums = new LinkedHashMap<>();

  void put(RecordModel record) {
    records.put(record.qualifiedName(), record);
  }

  void put(EnumModel e) {
    enums.put(e.qualifiedName(), e);
  }

  public RecordModel record(String qualifiedName) {
    RecordModel r = records.get(qualifiedName);
    if (r == null) {
      throw new IllegalArgumentException("Unknown record " + qualifiedName);
    }
    return r;
  }

  public EnumModel enumModel(String qualifiedName) {
    EnumModel e = enums.get(qualifiedName);
    if (e == null) {
      throw new IllegalArgumentException("Unknown enum " + qualifiedName);
    }
    return e;
  }

  public List<RecordModel> records() {
    return List.copyOf(records.values());
  }

  public List<EnumModel> enums() {
    return List.copyOf(enums.values());
  }
}
