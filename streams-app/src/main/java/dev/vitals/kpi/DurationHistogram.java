package dev.vitals.kpi;

import java.time.Duration;
import java.util.List;

/**
 * Durations counted into fixed buckets, with their sum: the form in which ticket response and resolution times of
 * many accounts add up exactly, so a median over the portfolio can be estimated from the sum of the buckets (a
 * Prometheus histogram). The bounds are part of the stored state: changing them is a state format change.
 *
 * @param counts tickets per bucket, not cumulative: {@code counts[i]} for durations up to {@code UPPER_BOUNDS[i]}
 *     and over the bound before; the last element counts those over the last bound
 * @param sumSeconds the durations' sum in whole seconds
 */
public record DurationHistogram(int[] counts, long sumSeconds) {
  /** Upper bounds: 5, 15 and 30 minutes, 1, 2, 4, 8, 24, 48 and 72 hours, a week. */
  public static final List<Duration> UPPER_BOUNDS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15),
      Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8),
      Duration.ofHours(24), Duration.ofHours(48), Duration.ofHours(72), Duration.ofDays(7));

  public static DurationHistogram of(List<Duration> durations) {
    int[] counts = new int[UPPER_BOUNDS.size() + 1];
    long sum = 0;
    for (Duration duration : durations) {
      counts[bucketOf(duration)]++;
      sum += duration.toSeconds();
    }
    return new DurationHistogram(counts, sum);
  }

  public long count() {
    long count = 0;
    for (int c : counts) {
      count += c;
    }
    return count;
  }

  private static int bucketOf(Duration duration) {
    for (int i = 0; i < UPPER_BOUNDS.size(); i++) {
      if (duration.compareTo(UPPER_BOUNDS.get(i)) <= 0) {
        return i;
      }
    }
    return UPPER_BOUNDS.size();
  }
}
