package dev.vitals.agent;

import dev.vitals.kpi.DurationHistogram;
import java.time.Duration;
import java.util.List;

/**
 * The median of a {@link DurationHistogram}, estimated the way Prometheus' {@code histogram_quantile(0.5, …)} does
 * (linear within the bucket that holds the middle rank, the first bucket starting at zero), so that REST and the
 * board's recording rules show the same number for the same buckets. Durations over the last bound have no upper
 * end: a median that falls there is reported as the last bound.
 */
final class HistogramMedian {
  private HistogramMedian() {}

  /** Null when the histogram is empty. */
  static Duration of(DurationHistogram histogram) {
    long total = histogram.count();
    if (total == 0) {
      return null;
    }
    List<Duration> bounds = DurationHistogram.UPPER_BOUNDS;
    double rank = total / 2.0;
    long below = 0;
    int[] counts = histogram.counts();
    for (int i = 0; i < bounds.size(); i++) {
      long inBucket = counts[i];
      if (below + inBucket >= rank && inBucket > 0) {
        double lower = i == 0 ? 0 : bounds.get(i - 1).toMillis();
        double upper = bounds.get(i).toMillis();
        return Duration.ofMillis(Math.round(lower + (upper - lower) * (rank - below) / inBucket));
      }
      below += inBucket;
    }
    return bounds.get(bounds.size() - 1);
  }
}
