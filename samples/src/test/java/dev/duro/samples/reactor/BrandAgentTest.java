package dev.duro.samples.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.duro.OverloadedException;
import dev.duro.RemoteFailureException;
import dev.duro.testkit.DuroTest;
import dev.duro.testkit.DuroTestKit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DuroTest
class BrandAgentTest {
  DuroTestKit kit;
  private BrandAgentStub agent;
  private CommandQueueStub queue;

  @BeforeEach
  void setUp() {
    agent = kit.namespace(BrandAgentNamespace::of).get("acme");
    queue = kit.namespace(CommandQueueNamespace::of).get(BrandAgent.QUEUE);
  }

  @Test
  void researchBecomesContentCommandsAtMostFiveADay() {
    List<String> opportunities = List.of("boots", "hats", "socks", "scarves", "gloves", "belts");
    assertEquals(5, agent.researchCompleted(List.of("hats", "boots"), opportunities));
    List<Command> commands = queue.take(10);
    assertEquals(5, commands.size());
    Command first = commands.get(0);
    assertEquals(
        new Command(
            "dec_acme_1",
            "content.create",
            "acme",
            Map.of("keyword", "boots", "priority", "1"),
            kit.now()),
        first);
    assertEquals("2", commands.get(2).payload().get("priority"), "socks is not a top keyword");
    List<Decision> log = agent.decisions(20);
    assertEquals(5, log.size());
    assertEquals(
        new Decision(
            "dec_acme_1",
            "create-content",
            "Research found opportunity \"boots\" — creating content",
            DecisionResult.PENDING,
            kit.now()),
        log.get(0));

    assertEquals(
        0, agent.researchCompleted(List.of(), List.of("belts")), "the day's quota is used");
    kit.advance(Duration.ofDays(1).plusSeconds(1));
    assertEquals(1, agent.researchCompleted(List.of(), List.of("belts")));
  }

  @Test
  void publishedTopContentIsPromoted() {
    agent.researchCompleted(List.of("boots"), List.of());
    assertEquals(1, agent.contentPublished("c-1", "boots"));
    assertEquals(0, agent.contentPublished("c-2", "spoons"));
    assertEquals(2, agent.contentCount());
    List<Command> commands = queue.peek();
    assertEquals(1, commands.size());
    assertEquals("social.schedule", commands.get(0).type());
    assertEquals("c-1", commands.get(0).payload().get("contentId"));
  }

  @Test
  void lowEngagementTriggersAResearchPivot() {
    assertEquals(0, agent.engagementReport(0.05, List.of()));
    assertEquals(1, agent.engagementReport(0.015, List.of("a", "b")));
    Command c = queue.peek().get(0);
    assertEquals("research.request", c.type());
    assertEquals(Map.of("focus", "engagement-optimization", "underPerforming", "a,b"), c.payload());
    assertEquals(
        "Engagement at 1.5% — triggering research pivot", agent.decisions(1).get(0).reason());
  }

  @Test
  void anActiveCompetitorsNewContentTriggersAResponse() {
    assertEquals(0, agent.competitorDetected("rival", "new-content"));
    kit.advance(Duration.ofDays(8)); // the first move falls out of the week
    assertEquals(0, agent.competitorDetected("rival", "new-content"));
    assertEquals(0, agent.competitorDetected("rival", "price-cut"));
    assertEquals(0, agent.competitorDetected("other", "new-content"));
    assertEquals(1, agent.competitorDetected("rival", "new-content"));
    assertEquals("competitive-response", agent.decisions(1).get(0).type());
    String id = agent.decisions(1).get(0).id();
    Command c =
        queue.peek().stream().filter(x -> x.decisionId().equals(id)).findFirst().orElseThrow();
    assertEquals(
        Map.of("focus", "competitive-response", "competitor", "rival", "action", "new-content"),
        c.payload());
  }

  @Test
  void theAlarmRunsTheDecisionCycleEveryHour() {
    agent.researchCompleted(List.of(), List.of());
    assertEquals(Optional.of(kit.now().plus(BrandAgent.CYCLE)), kit.pendingAlarm(agent));
    kit.evictAll();
    kit.advance(BrandAgent.CYCLE);
    // Research is an hour old: no routine research; nothing was ever published: a stall.
    List<Decision> log = agent.decisions(20);
    assertEquals(List.of("pipeline-stall"), log.stream().map(Decision::type).toList());
    assertEquals("No publishing in ever — pipeline may be stalled", log.get(0).reason());
    assertEquals(List.of(), queue.peek());
    assertEquals(Optional.of(kit.now().plus(BrandAgent.CYCLE)), kit.pendingAlarm(agent));

    agent.contentPublished("c-1", "x");
    kit.advance(Duration.ofHours(24));
    List<Command> commands = queue.peek();
    assertEquals(1, commands.size(), "the cycle 25 h after the research, not the one at 24 h");
    assertEquals(Map.of("focus", "routine-discovery"), commands.get(0).payload());
    assertTrue(agent.decisions(1).get(0).reason().startsWith("No research in 25h"));
    kit.advance(BrandAgent.CYCLE);
    assertEquals(2, queue.peek().size(), "repeated every cycle until research arrives");
  }

  @Test
  void aFailedSendRollsTheDecisionsBackAndARetryQueuesEachOnce() {
    kit.overload(queue);
    RemoteFailureException e =
        assertThrows(
            RemoteFailureException.class,
            () -> agent.researchCompleted(List.of(), List.of("boots", "hats")));
    assertEquals(OverloadedException.class.getName(), e.remoteType());
    assertEquals(List.of(), agent.decisions(20), "no decision logged without its command");

    kit.clearOverload(queue);
    assertEquals(2, agent.researchCompleted(List.of(), List.of("boots", "hats")));
    assertEquals(
        List.of("dec_acme_1", "dec_acme_2"),
        queue.peek().stream().map(Command::decisionId).toList());
    // A resend of an already queued decision is dropped.
    assertFalse(queue.send(queue.peek().get(0)));
    assertEquals(2, queue.peek().size());
  }

  @Test
  void outcomesAreRecordedInTheLog() {
    agent.engagementReport(0.001, List.of());
    String id = agent.decisions(1).get(0).id();
    assertTrue(agent.resolve(id, true));
    assertFalse(agent.resolve("dec_nope", false));
    assertEquals(DecisionResult.SUCCESS, agent.decisions(1).get(0).result());
  }
}
