package dev.vitals.metrics;

import dev.vitals.agent.AgentBoard;
import dev.vitals.agent.AgentFigures;
import dev.vitals.agent.AgentWindows;
import dev.vitals.kpi.DurationHistogram;
import dev.vitals.state.stored.StoredAgentHour;
import dev.vitals.topology.StoreNames;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The agent board's series (docs/metrics.md), read at scrape time from the hourly windows this instance owns: per
 * agent, counts over the last {@link #SPAN} of event time (trailing from the windows' stream time, the latest hour
 * held) and the first-response histogram, never ratios, so the recording rules divide and take medians across
 * instances. An agent's windows live on one instance, so each agent is exported once. At most {@code cap} agents are
 * exported, in leaderboard order (most tickets resolved first); {@code vitals_agents_7d} counts them all.
 */
final class AgentSeries implements MultiCollector {
  static final Duration SPAN = AgentWindows.BOARD_SPAN;
  private static final double[] DURATION_BOUNDS = DurationHistogram.UPPER_BOUNDS.stream()
      .mapToDouble(Duration::toSeconds).toArray();

  private final Supplier<Optional<ReadOnlyWindowStore<String, StoredAgentHour>>> hours;
  private final int cap;

  AgentSeries(Supplier<Optional<ReadOnlyWindowStore<String, StoredAgentHour>>> hours, int cap) {
    this.hours = hours;
    this.cap = cap;
  }

  /** The active agent windows of {@code streams}, looked up at each scrape (they move with rebalances). */
  static AgentSeries of(KafkaStreams streams, int cap) {
    return new AgentSeries(() -> {
      try {
        return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(StoreNames.AGENT_HOURS,
            QueryableStoreTypes.<String, StoredAgentHour>windowStore())));
      } catch (InvalidStateStoreException e) {
        // Starting, restoring or shutting down: this instance exports no agent.
        return Optional.empty();
      }
    }, cap);
  }

  @Override
  public MetricSnapshots collect() {
    MetricFamilies families = new MetricFamilies();
    hours.get().ifPresent(store -> export(new AgentBoard(store), families));
    return new MetricSnapshots(families.build());
  }

  private void export(AgentBoard board, MetricFamilies out) {
    Optional<Instant> streamTime = board.streamTime();
    if (streamTime.isEmpty()) {
      return;
    }
    List<AgentFigures> agents = board.leaderboard(SPAN, streamTime.get());
    out.gauge("vitals_agents_7d", "Agents with a step in the last 7 days, exported or not", Labels.EMPTY,
        agents.size());
    for (AgentFigures agent : agents.subList(0, Math.min(cap, agents.size()))) {
      Labels labels = Labels.of("agent", agent.agentId());
      out.gauge("vitals_agent_tickets_resolved_7d", "Tickets the agent resolved in the last 7 days", labels,
          agent.resolved());
      out.gauge("vitals_agent_tickets_resolved_first_contact_7d",
          "Of them, resolved with at most one reply and never reopened (FCR's numerator)", labels,
          agent.firstContactResolved());
      out.gauge("vitals_agent_replies_7d", "Replies (contacts) the agent gave in the last 7 days", labels,
          agent.replies());
      out.gauge("vitals_agent_worked_hour_windows_7d", "Hours of the last 7 days with at least one reply by the agent", labels,
          agent.hoursWorked());
      out.gauge("vitals_agent_csat_answers_7d", "CSAT answers about the agent's tickets in the last 7 days",
          labels, agent.csatAnswered());
      out.gauge("vitals_agent_csat_satisfied_7d", "Of them, answers of 4 or 5", labels, agent.csatSatisfied());
      DurationHistogram first = agent.firstResponses();
      long[] counts = new long[first.counts().length];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = first.counts()[i];
      }
      out.histogram("vitals_agent_first_response_seconds",
          "OPENED to first reply of the tickets the agent first answered in the last 7 days", labels,
          DURATION_BOUNDS, counts, first.sumSeconds());
    }
  }
}
