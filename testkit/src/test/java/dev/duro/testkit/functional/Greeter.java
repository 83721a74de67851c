package dev.duro.testkit.functional;

import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Rpc;

/** Depends on another object: calls the {@link Counter} of the same name. */
@DurableObject("Greeter")
public class Greeter {
  private final ObjectContext ctx;

  public Greeter(ObjectContext ctx) {
    this.ctx = ctx;
  }

  @Rpc
  public String greet(String who) {
    long n = ctx.namespace(CounterNamespace::of).get(who).increment(1);
    return "Hello " + who + " #" + n;
  }
}
