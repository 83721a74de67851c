package dev.duro.samples.reactor;

import dev.duro.Alarm;
import dev.duro.DurableObject;
import dev.duro.ObjectContext;
import dev.duro.Persist;
import dev.duro.Rpc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A domain-level decision maker for one brand (seed 002, pattern 4; name the object after the
 * brand). It keeps its view of the world (observations), reacts to events by deciding, logs each
 * decision with its reason, and emits commands to the {@link CommandQueue} named {@link #QUEUE}. An
 * alarm runs the decision cycle every {@link #CYCLE} from the first event on.
 *
 * <p>The seed's rules: research opportunities become {@code content.create} commands, at most
 * {@value #MAX_CONTENT_PER_DAY} a day (priority 1 for a top keyword, else 2); published content on
 * a top keyword gets {@code social.schedule}; engagement below 2% triggers a research pivot; a
 * competitor with 3 or more moves in a week publishing new content triggers a competitive response;
 * each cycle requests routine research while there has been none for more than 24 hours and logs a
 * stalled pipeline while nothing was published for more than 48 hours.
 *
 * <p>Commands are sent after the turn's decisions are made, each tagged with its decision id. If a
 * send fails the turn throws and its state and log roll back; the caller retries the event, the
 * same decisions get the same ids (the id counter rolled back too) and the queue drops what it
 * already has, so every decision is queued exactly once.
 */
@DurableObject("reactor.BrandAgent")
public class BrandAgent {
  /** The name of the command queue object the agents send to. */
  public static final String QUEUE = "commands";

  /** The decision cycle's period. */
  public static final Duration CYCLE = Duration.ofHours(1);

  /** The most content the agent asks for in a day. */
  public static final int MAX_CONTENT_PER_DAY = 5;

  /** How many decisions the log keeps. */
  public static final int LOG_SIZE = 200;

  @Persist Instant lastResearchAt;
  @Persist Instant lastPublishAt;
  @Persist long contentCount;
  @Persist double avgEngagement;
  @Persist List<String> topKeywords = new ArrayList<>();
  @Persist List<CompetitorMove> competitorMoves = new ArrayList<>();
  @Persist List<Decision> decisions = new ArrayList<>();
  @Persist long decisionSequence;
  @Persist Instant lastCycleAt;

  private final ObjectContext ctx;
  private final CommandQueueNamespace queues;
  // The commands decided in the current turn, sent at its end.
  private final List<Command> outbox = new ArrayList<>();

  public BrandAgent(ObjectContext ctx) {
    this.ctx = ctx;
    this.queues = ctx.namespace(CommandQueueNamespace::of);
  }

  /** A competitor's move, as observed. */
  public record CompetitorMove(String competitor, String action, Instant observedAt) {}

  /** Research found {@code keywords} and {@code opportunities}; returns the commands emitted. */
  @Rpc
  public int researchCompleted(List<String> keywords, List<String> opportunities) {
    outbox.clear(); // left over only if an earlier turn threw before sending
    lastResearchAt = ctx.now();
    topKeywords = new ArrayList<>(keywords.subList(0, Math.min(20, keywords.size())));
    for (String opportunity : opportunities) {
      if (recentDecisions("create-content", Duration.ofDays(1)) < MAX_CONTENT_PER_DAY) {
        String id =
            decide(
                "create-content",
                "Research found opportunity \"" + opportunity + "\" — creating content");
        emit(
            id,
            "content.create",
            Map.of(
                "keyword", opportunity, "priority", topKeywords.contains(opportunity) ? "1" : "2"));
      }
    }
    return flush();
  }

  /** Content {@code contentId} on {@code keyword} was published; returns the commands emitted. */
  @Rpc
  public int contentPublished(String contentId, String keyword) {
    outbox.clear(); // left over only if an earlier turn threw before sending
    lastPublishAt = ctx.now();
    contentCount++;
    if (topKeywords.contains(keyword)) {
      String id =
          decide(
              "promote-content",
              "Content \"" + keyword + "\" published — scheduling social promotion");
      emit(
          id,
          "social.schedule",
          Map.of("contentId", contentId, "platforms", "twitter,linkedin", "timing", "optimal"));
    }
    return flush();
  }

  /** An engagement report; returns the commands emitted. */
  @Rpc
  public int engagementReport(double avgEngagement, List<String> underPerforming) {
    outbox.clear(); // left over only if an earlier turn threw before sending
    this.avgEngagement = avgEngagement;
    if (avgEngagement < 0.02) {
      String id =
          decide(
              "engagement-pivot",
              String.format(
                  "Engagement at %.1f%% — triggering research pivot", avgEngagement * 100));
      emit(
          id,
          "research.request",
          Map.of(
              "focus",
              "engagement-optimization",
              "underPerforming",
              String.join(",", underPerforming)));
    }
    return flush();
  }

  /** {@code competitor} did {@code action}; returns the commands emitted. */
  @Rpc
  public int competitorDetected(String competitor, String action) {
    outbox.clear(); // left over only if an earlier turn threw before sending
    competitorMoves.add(new CompetitorMove(competitor, action, ctx.now()));
    if (competitorMoves.size() > 50) {
      competitorMoves =
          new ArrayList<>(
              competitorMoves.subList(competitorMoves.size() - 50, competitorMoves.size()));
    }
    Instant weekAgo = ctx.now().minus(Duration.ofDays(7));
    long recentMoves =
        competitorMoves.stream()
            .filter(m -> m.competitor().equals(competitor) && m.observedAt().isAfter(weekAgo))
            .count();
    if (action.equals("new-content") && recentMoves >= 3) {
      String id =
          decide(
              "competitive-response",
              "Competitor \"" + competitor + "\" published new content — investigating");
      emit(
          id,
          "research.request",
          Map.of("focus", "competitive-response", "competitor", competitor, "action", action));
    }
    return flush();
  }

  /** Reports the outcome of decision {@code decisionId}; returns whether it is in the log. */
  @Rpc
  public boolean resolve(String decisionId, boolean success) {
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      if (d.id().equals(decisionId)) {
        decisions.set(
            i,
            new Decision(
                d.id(),
                d.type(),
                d.reason(),
                success ? DecisionResult.SUCCESS : DecisionResult.FAILED,
                d.timestamp()));
        return true;
      }
    }
    return false;
  }

  /** Stops the decision cycle until the next event (which starts it again). */
  @Rpc
  public void pause() {
    ctx.alarm().delete();
  }

  /** The last {@code n} decisions, oldest first. */
  @Rpc
  public List<Decision> decisions(int n) {
    return new ArrayList<>(decisions.subList(Math.max(0, decisions.size() - n), decisions.size()));
  }

  /** How many pieces of content were published. */
  @Rpc
  public long contentCount() {
    return contentCount;
  }

  @Alarm
  void decisionCycle() {
    outbox.clear(); // left over only if an earlier turn threw before sending
    Instant now = ctx.now();
    if (olderThan(lastResearchAt, Duration.ofHours(24))) {
      String id =
          decide(
              "routine-research",
              "No research in " + hoursSince(lastResearchAt) + " — requesting routine discovery");
      emit(id, "research.request", Map.of("focus", "routine-discovery"));
    }
    if (olderThan(lastPublishAt, Duration.ofHours(48))) {
      decide(
          "pipeline-stall",
          "No publishing in " + hoursSince(lastPublishAt) + " — pipeline may be stalled");
    }
    lastCycleAt = now;
    ctx.alarm().setIn(CYCLE);
    flush();
  }

  // As in the seed: strictly more than the limit, and never counts as longer than any limit.
  private boolean olderThan(Instant t, Duration limit) {
    return t == null || Duration.between(t, ctx.now()).compareTo(limit) > 0;
  }

  private String hoursSince(Instant t) {
    return t == null ? "ever" : Duration.between(t, ctx.now()).toHours() + "h";
  }

  private long recentDecisions(String type, Duration within) {
    Instant since = ctx.now().minus(within);
    return decisions.stream()
        .filter(d -> d.type().equals(type) && d.timestamp().isAfter(since))
        .count();
  }

  private String decide(String type, String reason) {
    decisionSequence++;
    String id = "dec_" + ctx.id().name().orElse("brand") + "_" + decisionSequence;
    decisions.add(new Decision(id, type, reason, DecisionResult.PENDING, ctx.now()));
    if (decisions.size() > LOG_SIZE) {
      decisions = new ArrayList<>(decisions.subList(decisions.size() - LOG_SIZE, decisions.size()));
    }
    return id;
  }

  private void emit(String decisionId, String type, Map<String, String> payload) {
    outbox.add(new Command(decisionId, type, ctx.id().name().orElse(""), payload, ctx.now()));
  }

  private int flush() {
    if (ctx.alarm().get().isEmpty()) {
      ctx.alarm().setIn(CYCLE);
    }
    List<Command> commands = List.copyOf(outbox);
    outbox.clear();
    CommandQueueStub queue = queues.get(QUEUE);
    for (Command c : commands) {
      queue.send(c);
    }
    return commands.size();
  }
}
