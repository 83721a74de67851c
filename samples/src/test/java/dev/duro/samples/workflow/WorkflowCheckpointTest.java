package dev.duro.samples.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@DuroTest
class WorkflowCheckpointTest {
  private static final List<String> STEPS = List.of("fetch", "transform", "publish");
  private static final Map<String, String> INPUT = Map.of("source", "s3://bucket/in");
  private static final long RETENTION = Duration.ofDays(1).toMillis();

  @Test
  void nextAndCompleteWalkTheStepsInOrder(DuroTestKit kit) {
    WorkflowCheckpointStub w = newRun(kit);
    assertEquals(
        new WorkflowStatus(
            WorkflowPhase.RUNNING, STEPS, 0, Optional.of("fetch"), Map.of(), Optional.empty()),
        w.create(STEPS, INPUT, RETENTION));
    assertEquals(Optional.of(new StepTask("fetch", 0, 1, INPUT, Map.of())), w.next());
    w.complete("fetch", "10 rows");
    assertEquals(
        Optional.of(new StepTask("transform", 1, 1, INPUT, Map.of("fetch", "10 rows"))), w.next());
    w.complete("transform", "10 clean rows");
    w.next();
    WorkflowStatus done = w.complete("publish", "ok");
    assertEquals(WorkflowPhase.COMPLETED, done.phase());
    assertEquals(3, done.completedSteps());
    assertEquals(Optional.empty(), done.nextStep());
    assertEquals(
        Map.of("fetch", "10 rows", "transform", "10 clean rows", "publish", "ok"), done.outputs());
    assertEquals(Optional.empty(), w.next());
  }

  @Test
  void aStepHandedOutButNotCompletedIsHandedOutAgainWithTheNextAttempt(DuroTestKit kit) {
    WorkflowCheckpointStub w = newRun(kit);
    w.create(STEPS, INPUT, RETENTION);
    w.next();
    w.complete("fetch", "a");
    assertEquals(1, w.next().orElseThrow().index()); // the driver crashes here
    kit.evictAll(); // checkpoints are durable
    StepTask again = w.next().orElseThrow();
    assertEquals("transform", again.step());
    assertEquals(2, again.attempt());
    assertEquals(Map.of("fetch", "a"), again.outputs());
  }

  @Test
  void completingTwiceKeepsTheFirstOutputAndSkippingAheadFails(DuroTestKit kit) {
    WorkflowCheckpointStub w = newRun(kit);
    w.create(STEPS, INPUT, RETENTION);
    w.complete("fetch", "first");
    assertEquals(Map.of("fetch", "first"), w.complete("fetch", "second").outputs());
    RemoteFailureException e =
        assertThrows(RemoteFailureException.class, () -> w.complete("publish", "x"));
    assertEquals(IllegalStateException.class.getName(), e.remoteType());
    assertEquals("cannot complete publish: the current step is transform", e.remoteMessage());
    assertEquals(1, w.status().completedSteps());
  }

  @Test
  void aFailedStepBlocksUntilResumeAndResumeContinuesThere(DuroTestKit kit) {
    WorkflowCheckpointStub w = newRun(kit);
    w.create(STEPS, INPUT, RETENTION);
    w.complete("fetch", "a");
    w.next();
    WorkflowStatus failed = w.fail("transform", "out of memory");
    assertEquals(WorkflowPhase.FAILED, failed.phase());
    assertEquals(Optional.of("out of memory"), failed.error());
    assertThrows(RemoteFailureException.class, w::next);
    WorkflowStatus resumed = w.resume();
    assertEquals(WorkflowPhase.RUNNING, resumed.phase());
    assertEquals(Optional.of("transform"), resumed.nextStep());
    assertEquals(2, w.next().orElseThrow().attempt());
  }

  @Test
  void createIsIdempotentButRefusesOtherSteps(DuroTestKit kit) {
    WorkflowCheckpointStub w = newRun(kit);
    w.create(STEPS, INPUT, RETENTION);
    w.complete("fetch", "a");
    assertEquals(1, w.create(STEPS, INPUT, RETENTION).completedSteps());
    RemoteFailureException e =
        assertThrows(
            RemoteFailureException.class, () -> w.create(List.of("other"), INPUT, RETENTION));
    assertEquals(IllegalStateException.class.getName(), e.remoteType());
    assertThrows(RemoteFailureException.class, () -> newRun(kit).create(List.of(), INPUT, 0));
    assertThrows(
        RemoteFailureException.class, () -> newRun(kit).create(List.of("a", "a"), INPUT, 0));
    assertThrows(RemoteFailureException.class, () -> newRun(kit).next());
  }

  @Test
  void theAlarmDeletesACompletedRunAfterItsRetention(DuroTestKit kit) {
    WorkflowCheckpointStub w = newRun(kit);
    w.create(List.of("only"), INPUT, RETENTION);
    kit.advance(Duration.ofDays(2));
    assertEquals(WorkflowPhase.RUNNING, w.status().phase(), "an unfinished run must be kept");
    w.complete("only", "done");
    kit.advance(Duration.ofHours(23));
    assertEquals(WorkflowPhase.COMPLETED, w.status().phase());
    kit.advance(Duration.ofHours(1));
    assertEquals(WorkflowPhase.NOT_CREATED, w.status().phase());
  }

  @Test
  void runnerResumesAfterAFailureWithoutRerunningCompletedSteps(DuroTestKit kit) {
    WorkflowCheckpointStub w = newRun(kit);
    w.create(STEPS, INPUT, RETENTION);
    List<String> ran = new ArrayList<>();
    boolean[] crash = {true};
    WorkflowRunner runner =
        new WorkflowRunner(
            w,
            Map.of(
                "fetch", t -> log(ran, t, "rows"),
                "transform",
                    t -> {
                      if (crash[0]) {
                        crash[0] = false;
                        ran.add("transform#" + t.attempt() + " crashed");
                        throw new IllegalStateException("boom");
                      }
                      return log(ran, t, t.outputs().get("fetch") + "+clean");
                    },
                "publish", t -> log(ran, t, "sent " + t.outputs().get("transform"))));
    assertThrows(IllegalStateException.class, runner::runToCompletion);
    assertEquals(Optional.of("boom"), w.status().error());
    WorkflowStatus done = runner.runToCompletion();
    assertEquals(List.of("fetch#1", "transform#1 crashed", "transform#2", "publish#1"), ran);
    assertEquals("sent rows+clean", done.outputs().get("publish"));
    assertEquals(WorkflowPhase.COMPLETED, done.phase());
  }

  @Test
  void runnerNeedsAHandlerForEveryStep(DuroTestKit kit) {
    WorkflowCheckpointStub w = newRun(kit);
    w.create(STEPS, INPUT, RETENTION);
    WorkflowRunner runner = new WorkflowRunner(w, Map.of("fetch", t -> "x"));
    assertThrows(IllegalArgumentException.class, runner::runToCompletion);
    assertEquals(0, w.status().completedSteps());
  }

  private static String log(List<String> ran, StepTask t, String output) {
    ran.add(t.step() + "#" + t.attempt());
    return output;
  }

  private static WorkflowCheckpointStub newRun(DuroTestKit kit) {
    WorkflowCheckpointNamespace runs = kit.namespace(WorkflowCheckpointNamespace::of);
    return runs.get(runs.newUniqueId());
  }
}
