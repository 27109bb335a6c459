package dev.vitals.agent;

import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.state.stored.StoredAgentHour;
import dev.vitals.state.stored.StoredAgentTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * The agent board of {@code replay}: the topology's agent branch (see AgentBoardTopology) in memory and one thread,
 * over the same domain code: each de-duplicated ticket step and CSAT answer goes through {@link TicketAttribution},
 * each credited step into its agent's hour ({@link AgentHours}) unless Kafka Streams would have dropped it as too late
 * ({@link AgentWindowClock}), and the leaderboard is read as {@link AgentBoard} reads the window store. Memory: one
 * entry per ticket and one per agent and hour of the history, a few megabytes for a large history.
 */
public final class OfflineAgentBoard {
  private static final char SEPARATOR = '\u001F';

  private final AgentWindowClock clock;
  private final Map<String, StoredAgentTicket> tickets = new HashMap<>();
  private final Map<String, TreeMap<Long, StoredAgentHour>> hours = new TreeMap<>();

  public OfflineAgentBoard(Duration grace) {
    this.clock = new AgentWindowClock(grace);
  }

  /** Takes one accepted, de-duplicated event (in the order the topology would see it). */
  public void accept(SpecificRecord event) {
    if (event instanceof TicketEvent step) {
      StoredAgentTicket ticket = tickets.computeIfAbsent(step.getAccountId() + SEPARATOR + step.getTicketId(),
          key -> TicketAttribution.newTicket());
      TicketAttribution.apply(ticket, step).forEach(this::count);
    } else if (event instanceof SurveyResponse answer && answer.getSurvey() == SurveyKind.CSAT
        && answer.getTouchpoint() != null) {
      StoredAgentTicket ticket = tickets.get(answer.getAccountId() + SEPARATOR + answer.getTouchpoint());
      if (ticket != null) {
        TicketAttribution.csat(ticket, answer.getScore(), answer.getOccurredAt()).ifPresent(this::count);
      }
    }
  }

  /** Forgets an erased account's tickets, as the topology's attribution does; the agents' hours stay. */
  public void erase(String accountId) {
    String prefix = accountId + SEPARATOR;
    tickets.keySet().removeIf(key -> key.startsWith(prefix));
  }

  private void count(AgentStep step) {
    if (clock.admits(step.at())) {
      hours.computeIfAbsent(step.agentId(), agent -> new TreeMap<>())
          .compute(AgentWindowClock.hourOf(step.at()),
              (start, hour) -> AgentHours.add(hour == null ? AgentHours.empty() : hour, step.delta()));
    }
  }

  /** The end of the latest hour held, as {@link AgentBoard#streamTime()}. */
  public Optional<Instant> streamTime() {
    return hours.values().stream().map(TreeMap::lastKey).max(Comparator.naturalOrder())
        .map(start -> Instant.ofEpochMilli(start).plus(AgentWindows.HOUR));
  }

  /** Every agent with an hour in the {@code span} before {@code until}, as {@link AgentBoard#leaderboard}. */
  public List<AgentFigures> leaderboard(Duration span, Instant until) {
    List<AgentFigures> board = new ArrayList<>();
    long from = until.minus(span).toEpochMilli();
    hours.forEach((agent, byHour) -> {
      List<StoredAgentHour> inRange = new ArrayList<>(byHour.subMap(from, true, until.toEpochMilli(), false).values());
      if (!inRange.isEmpty()) {
        board.add(AgentFigures.of(agent, inRange));
      }
    });
    return AgentBoard.ordered(board);
  }
}
