package test;

import dev.duro.*;

/** Deprecated members: the generated code must still compile without warnings. */
@DurableObject
public class Deprecations {
  /** @deprecated use something else */
  @Deprecated @Persist long count;

  @Deprecated
  public Deprecations() {}

  /**
   * Old.
   *
   * @deprecated use {@link #count}
   */
  @Deprecated(forRemoval = true)
  @Rpc
  public long old() {
    return count;
  }

  @Deprecated @OnActivate void start() {}

  @Deprecated @Alarm void ring() {}
}
