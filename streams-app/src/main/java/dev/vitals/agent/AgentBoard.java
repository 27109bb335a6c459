package dev.vitals.agent;

import dev.vitals.state.stored.StoredAgentHour;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads the agent leaderboard from the hourly windows of {@code vitals-agent-hours}: each agent's figures over a
 * range of whole hours ending at {@code until}. Without an explicit end the range trails from the stream time of the
 * windows, the latest hour that holds a step (SPEC §3: aggregates trail from the stream time), so a backfill of past
 * events reads the same as a live feed. The leaderboard is ordered by tickets resolved, then FCR, then agent id.
 */
public final class AgentBoard {
  private static final Comparator<AgentFigures> LEADERBOARD =
      Comparator.comparingLong(AgentFigures::resolved).reversed()
          .thenComparing(f -> f.fcr() == null ? -1 : f.fcr(), Comparator.reverseOrder())
          .thenComparing(AgentFigures::agentId);

  private final ReadOnlyWindowStore<String, StoredAgentHour> hours;

  public AgentBoard(ReadOnlyWindowStore<String, StoredAgentHour> hours) {
    this.hours = hours;
  }

  /** The end of the latest hour held (exclusive), or empty when the store holds no hour. */
  public Optional<Instant> streamTime() {
    Instant latest = null;
    try (KeyValueIterator<Windowed<String>, StoredAgentHour> all = hours.all()) {
      while (all.hasNext()) {
        Instant end = all.next().key.window().endTime();
        latest = latest == null || end.isAfter(latest) ? end : latest;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** Every agent with a window in the {@code span} before {@code until}, leaderboard order. */
  public List<AgentFigures> leaderboard(Duration span, Instant until) {
    Map<String, List<StoredAgentHour>> byAgent = new TreeMap<>();
    Instant from = until.minus(span);
    try (KeyValueIterator<Windowed<String>, StoredAgentHour> all = hours.fetchAll(from, until.minusMillis(1))) {
      while (all.hasNext()) {
        KeyValue<Windowed<String>, StoredAgentHour> hour = all.next();
        byAgent.computeIfAbsent(hour.key.key(), a -> new ArrayList<>()).add(hour.value);
      }
    }
    List<AgentFigures> board = new ArrayList<>();
    byAgent.forEach((agent, windows) -> board.add(AgentFigures.of(agent, windows)));
    board.sort(LEADERBOARD);
    return board;
  }

  /** One agent's figures over the {@code span} before {@code until}; empty when it has no window there. */
  public Optional<AgentFigures> agent(String agentId, Duration span, Instant until) {
    List<StoredAgentHour> windows = new ArrayList<>();
    try (WindowStoreIterator<StoredAgentHour> fetched = hours.fetch(agentId, until.minus(span),
        until.minusMillis(1))) {
      fetched.forEachRemaining(hour -> windows.add(hour.value));
    }
    return windows.isEmpty() ? Optional.empty() : Optional.of(AgentFigures.of(agentId, windows));
  }

  /** Orders figures gathered from several instances as one leaderboard. */
  public static List<AgentFigures> ordered(List<AgentFigures> figures) {
    List<AgentFigures> board = new ArrayList<>(figures);
    board.sort(LEADERBOARD);
    return board;
  }
}
