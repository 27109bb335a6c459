package dev.vitals.agent;

import java.time.Duration;

/**
 * The agent board's windows: hourly tumbling windows of event time, closed {@code grace} after their end (the
 * pipeline's grace, so a step the account pipeline still applies is still counted for its agent), kept for
 * {@code retention}: the board's longest range. Retention covers at least one window plus its grace, as Kafka
 * Streams requires, or the last hours would be dropped before they close.
 *
 * @param retention how long hourly windows (and the latest poor ratings) are kept
 */
public record AgentWindows(Duration retention) {
  /** The windows' size. */
  public static final Duration HOUR = Duration.ofHours(1);
  /** The range of the TV board's leaderboard and of replay's {@code agents.json}: the last week of hours. */
  public static final Duration BOARD_SPAN = Duration.ofDays(7);
  /** A week of hours plus a day: the board's "last 7 days" with room for the grace of the last hours. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(8);

  public AgentWindows {
    if (retention == null || retention.compareTo(HOUR) < 0) {
      throw new IllegalArgumentException("agents.retention: must be at least an hour, was " + retention);
    }
  }

  public static AgentWindows defaults() {
    return new AgentWindows(DEFAULT_RETENTION);
  }

  /** The retention the stores are built with: never shorter than a window and its grace. */
  public Duration retentionWith(Duration grace) {
    Duration least = HOUR.plus(grace);
    return retention.compareTo(least) < 0 ? least : retention;
  }

  /** The longest range a query may ask for, in whole hours. */
  public long maxHours() {
    return retention.toHours();
  }
}
