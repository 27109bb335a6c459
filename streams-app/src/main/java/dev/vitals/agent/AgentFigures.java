package dev.vitals.agent;

import dev.vitals.kpi.DurationHistogram;
import dev.vitals.state.stored.StoredAgentHour;
import java.time.Duration;
import java.util.List;

/**
 * One agent's figures over a range of hours (SPEC §3, support agent board), summed from its hourly windows: tickets
 * resolved, FCR, median first response, CSAT of its tickets and contacts per hour worked, where an hour worked is an
 * hour with at least one reply. Every ratio is absent (null) when its denominator is zero.
 *
 * @param agentId the agent
 * @param replies AGENT_REPLIED steps (contacts)
 * @param hoursWorked hours with at least one reply
 * @param resolved tickets resolved
 * @param firstContactResolved of those, resolved with at most one reply and never reopened
 * @param firstResponses first responses given, by {@link DurationHistogram} bucket
 * @param csatAnswered CSAT answers about the agent's tickets
 * @param csatSatisfied of those, 4 or 5
 */
public record AgentFigures(
    String agentId,
    long replies,
    long hoursWorked,
    long resolved,
    long firstContactResolved,
    DurationHistogram firstResponses,
    long csatAnswered,
    long csatSatisfied) {

  /** The sum of {@code hours}, each one hourly window of the agent. */
  public static AgentFigures of(String agentId, List<StoredAgentHour> hours) {
    long replies = 0;
    long worked = 0;
    long resolved = 0;
    long firstContact = 0;
    long answered = 0;
    long satisfied = 0;
    long seconds = 0;
    int[] counts = new int[DurationHistogram.UPPER_BOUNDS.size() + 1];
    for (StoredAgentHour hour : hours) {
      replies += hour.getReplies();
      worked += hour.getReplies() > 0 ? 1 : 0;
      resolved += hour.getResolved();
      firstContact += hour.getFirstContactResolved();
      answered += hour.getCsatAnswered();
      satisfied += hour.getCsatSatisfied();
      seconds += hour.getFirstResponseSecondsSum();
      List<Integer> stored = hour.getFirstResponseCounts();
      for (int i = 0; i < Math.min(counts.length, stored.size()); i++) {
        counts[i] += stored.get(i);
      }
    }
    return new AgentFigures(agentId, replies, worked, resolved, firstContact, new DurationHistogram(counts, seconds),
        answered, satisfied);
  }

  /** Share of resolved tickets resolved on first contact, 0–1. */
  public Double fcr() {
    return resolved <= 0 ? null : (double) firstContactResolved / resolved;
  }

  /** 100 × satisfied / answered, 0–100. */
  public Double csat() {
    return csatAnswered <= 0 ? null : 100.0 * csatSatisfied / csatAnswered;
  }

  /** AGENT_REPLIED steps per hour worked. */
  public Double contactsPerHourWorked() {
    return hoursWorked <= 0 ? null : (double) replies / hoursWorked;
  }

  /** Median first response, estimated from the buckets as Prometheus' histogram_quantile does. */
  public Duration firstResponseMedian() {
    return HistogramMedian.of(firstResponses);
  }
}
