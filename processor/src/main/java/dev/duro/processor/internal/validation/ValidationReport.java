package dev.duro.processor.internal.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * The diagnostics found for one {@code @DurableObject} type, in the order found. Immutable; build
 * one with {@link #builder()}. Printing is separate from finding so that validation stays pure and
 * testable.
 */
public final class ValidationReport {
  /**
   * One diagnostic, pinned to the most specific element; to an annotation (value) when {@code
   * annotation} is set.
   */
  public record Item(
      Diagnostic.Kind kind,
      Message message,
      List<Object> args,
      Element element,
      @Nullable AnnotationMirror annotation,
      @Nullable AnnotationValue value) {

    public Item {
      args = List.copyOf(args);
    }

    /** The full text, starting with the message's tag. */
    public String text() {
      return message.format(args.toArray());
    }
  }

  private final List<Item> items;

  private ValidationReport(List<Item> items) {
    this.items = List.copyOf(items);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Item> items() {
    return items;
  }

  /** Whether nothing prevents generating code: no item is an error. */
  public boolean isClean() {
    return items.stream().noneMatch(i -> i.kind() == Diagnostic.Kind.ERROR);
  }

  /** Prints every item, in order. */
  public void printTo(Messager messager) {
    for (Item item : items) {
      if (item.annotation() == null) {
        messager.printMessage(item.kind(), item.text(), item.element());
      } else if (item.value() == null) {
        messager.printMessage(item.kind(), item.text(), item.element(), item.annotation());
      } else {
        messager.printMessage(
            item.kind(), item.text(), item.element(), item.annotation(), item.value());
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ValidationReport[");
    for (Item item : items) {
      s.append("\n  ").append(item.kind()).append(": ").append(item.text());
    }
    return s.append(items.isEmpty() ? "]" : "\n]").toString();
  }

  /** Collects items; not thread-safe. */
  public static final class Builder {
    private final List<Item> items = new ArrayList<>();

    private Builder() {}

    /** An error on {@code element}. */
    public Builder error(Element element, Message message, Object... args) {
      items.add(new Item(Diagnostic.Kind.ERROR, message, Arrays.asList(args), element, null, null));
      return this;
    }

    /**
     * An error on {@code annotation} of {@code element}, or on its {@code value} if that is not
     * null.
     */
    public Builder error(
        Element element,
        AnnotationMirror annotation,
        @Nullable AnnotationValue value,
        Message message,
        Object... args) {
      items.add(
          new Item(
              Diagnostic.Kind.ERROR, message, Arrays.asList(args), element, annotation, value));
      return this;
    }

    public ValidationReport build() {
      return new ValidationReport(items);
    }
  }
}
