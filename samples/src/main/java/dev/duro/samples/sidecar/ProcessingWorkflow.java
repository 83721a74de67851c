package dev.duro.samples.sidecar;

import java.util.List;

/**
 * The seed's {@code ProcessingWorkflow}, as a plain driver: it keeps its state in the entity's
 * {@link StorageSidecar} instead of in step results. Each step writes to the sidecar, so a driver
 * that crashed and restarts continues from what the sidecar holds (see {@link #run}).
 */
public final class ProcessingWorkflow {
  /** A source to fetch: its id and the data it returns (the demo's stand-in for an HTTP fetch). */
  public record Source(String id, List<String> records) {}

  private final StorageSidecarStub sidecar;

  /** A workflow over {@code sidecar}, the entity's sidecar. */
  public ProcessingWorkflow(StorageSidecarStub sidecar) {
    this.sidecar = sidecar;
  }

  /**
   * Runs the steps: init, fetch each source not yet fetched (appending its records to {@code
   * rawData}), process every record into {@code result}, publish; returns the result. The sidecar
   * is cleared afterwards, as in the seed. Each fetch step appends with {@link
   * StorageSidecarStub#appendOnce}, so a rerun after a crash appends no source twice.
   */
  public String run(List<Source> sources) {
    if (sidecar.get("status").isEmpty()) {
      sidecar.put("status", "started");
    }
    for (Source s : sources) {
      sidecar.appendOnce(
          "fetch-" + s.id(), "rawData", s.records().stream().map(r -> s.id() + ":" + r).toList());
    }
    List<String> raw = sidecar.list("rawData");
    String result = raw.size() + " records: " + String.join(", ", raw);
    sidecar.put("result", result);
    sidecar.put("status", "processed");
    String published = sidecar.get("result").orElseThrow();
    sidecar.clear();
    return published;
  }
}
