package dev.duro.testkit.internal;

import dev.duro.testkit.DuroTestKit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link DuroTestKit} parameters for {@code @DuroTest}: one kit per test method, kept in
 * that method's extension store (so lifecycle methods of the same test share it) and closed by
 * JUnit when the test's context closes. Public only because {@code @ExtendWith} needs it.
 */
public final class DuroExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DuroExtension.class);

  public DuroExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DuroTestKit.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // Keyed by the context's id: a store lookup also searches parent contexts, and a kit made for
    // one test must never leak into another.
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(context.getUniqueId(), id -> DuroTestKit.create(), DuroTestKit.class);
  }
}
