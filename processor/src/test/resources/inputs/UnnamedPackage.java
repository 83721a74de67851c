import dev.duro.*;

/** A durable object in the unnamed package. */
@DurableObject
public class UnnamedPackage {
  @Persist String note;

  @Rpc
  public String note() {
    return note;
  }
}
