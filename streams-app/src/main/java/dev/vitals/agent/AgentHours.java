package dev.vitals.agent;

import dev.vitals.kpi.DurationHistogram;
import dev.vitals.state.stored.StoredAgentHour;
import dev.vitals.state.stored.StoredAgentStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The hourly aggregation of {@link AgentStep}s: an agent's hour is the sum of the steps credited in it, the first
 * responses counted into the buckets of {@link DurationHistogram} so that a median over any number of hours and
 * agents is taken from summed buckets, never from lists that grow with the tickets.
 */
public final class AgentHours {
  private static final int BUCKETS = DurationHistogram.UPPER_BOUNDS.size() + 1;

  private AgentHours() {}

  /** An hour with nothing in it yet (the aggregation's initial value). */
  public static StoredAgentHour empty() {
    List<Integer> counts = new ArrayList<>(BUCKETS);
    for (int i = 0; i < BUCKETS; i++) {
      counts.add(0);
    }
    return StoredAgentHour.newBuilder().setFirstResponseCounts(counts).build();
  }

  /** Adds {@code step} to {@code hour} (updated in place, and returned). */
  public static StoredAgentHour add(StoredAgentHour hour, StoredAgentStep step) {
    hour.setReplies(hour.getReplies() + step.getReplies());
    hour.setResolved(hour.getResolved() + step.getResolved());
    hour.setFirstContactResolved(hour.getFirstContactResolved() + step.getFirstContactResolved());
    hour.setCsatAnswered(hour.getCsatAnswered() + step.getCsatAnswered());
    hour.setCsatSatisfied(hour.getCsatSatisfied() + step.getCsatSatisfied());
    Long seconds = step.getFirstResponseSeconds();
    if (seconds != null) {
      List<Integer> counts = new ArrayList<>(hour.getFirstResponseCounts());
      while (counts.size() < BUCKETS) {
        counts.add(0); // written by a release with fewer buckets: the missing ones were empty
      }
      int bucket = bucketOf(Duration.ofSeconds(seconds));
      counts.set(bucket, counts.get(bucket) + 1);
      hour.setFirstResponseCounts(counts);
      hour.setFirstResponseSecondsSum(hour.getFirstResponseSecondsSum() + seconds);
    }
    return hour;
  }

  /** The {@link DurationHistogram} bucket {@code duration} is counted in. */
  public static int bucketOf(Duration duration) {
    List<Duration> bounds = DurationHistogram.UPPER_BOUNDS;
    for (int i = 0; i < bounds.size(); i++) {
      if (duration.compareTo(bounds.get(i)) <= 0) {
        return i;
      }
    }
    return bounds.size();
  }
}
