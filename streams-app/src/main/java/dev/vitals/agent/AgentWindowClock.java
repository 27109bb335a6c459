package dev.vitals.agent;

import java.time.Duration;
import java.time.Instant;

/**
 * When Kafka Streams' hourly window aggregation drops a step as too late, for {@code replay} to drop the same ones:
 * the stream time is the latest step timestamp seen (it never goes back), and a step counts only while its hour's
 * end plus the grace is after that stream time (KStreamWindowAggregate's close rule, the stream time taken after the
 * step itself).
 */
final class AgentWindowClock {
  private final Duration grace;
  private long streamTime = Long.MIN_VALUE;

  AgentWindowClock(Duration grace) {
    this.grace = grace;
  }

  /** Observes {@code at} and says whether its hour is still open. */
  boolean admits(Instant at) {
    streamTime = Math.max(streamTime, at.toEpochMilli());
    long windowEnd = hourOf(at) + AgentWindows.HOUR.toMillis();
    return windowEnd > streamTime - grace.toMillis();
  }

  /** The start of the hour {@code at} falls in, epoch millis. */
  static long hourOf(Instant at) {
    long hour = AgentWindows.HOUR.toMillis();
    return Math.floorDiv(at.toEpochMilli(), hour) * hour;
  }
}
