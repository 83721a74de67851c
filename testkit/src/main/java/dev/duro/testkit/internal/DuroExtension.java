package dev.duro.testkit.internal;

import dev.duro.testkit.DuroTestKit;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link DuroTestKit} parameters and fields for {@code @DuroTest}: one kit per test
 * method, kept in that method's extension store (so lifecycle methods and fields of the same test
 * share it) and closed by JUnit when the test's context closes. Tests running in parallel never
 * share a kit. Public only because {@code @ExtendWith} needs it.
 */
public final class DuroExtension implements ParameterResolver, BeforeEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DuroExtension.class);

  public DuroExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DuroTestKit.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return kitFor(context);
  }

  /** Sets every {@code DuroTestKit} field of the test instances (outer ones too, for nesting). */
  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Class<?> c = instance.getClass(); c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (f.getType() != DuroTestKit.class) {
            continue;
          }
          if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
            // A test may keep a kit in a static field on purpose (to compare across tests).
            continue;
          }
          if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
              == TestInstance.Lifecycle.PER_CLASS) {
            // One instance for all tests: a field would be shared by tests running in parallel.
            throw new ExtensionConfigurationException(
                "@DuroTest field injection needs the default PER_METHOD test instance lifecycle; "
                    + f
                    + " is in a PER_CLASS test. Take the kit as a method parameter instead.");
          }
          f.setAccessible(true);
          f.set(instance, kitFor(context));
        }
      }
    }
  }

  private static DuroTestKit kitFor(ExtensionContext context) {
    // Keyed by the context's id: a store lookup also searches parent contexts, and a kit made for
    // one test must never leak into another.
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(context.getUniqueId(), id -> DuroTestKit.create(), DuroTestKit.class);
  }
}
