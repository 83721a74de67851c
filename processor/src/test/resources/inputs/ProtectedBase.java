package test.other;

/** Declares types only subclasses in other packages can use. */
public class ProtectedBase {
  protected record Item(int n) {}

  protected enum Kind { A, B }

  /** Its subclasses may throw it, but their stubs cannot name it. */
  protected static class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }
}
