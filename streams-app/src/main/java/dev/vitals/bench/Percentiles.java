package dev.vitals.bench;

/** Nearest-rank percentiles of sorted figures: the value at or below which a share of them lies. */
final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code share} (0-1] percentile of {@code sorted} (ascending), one of its own values rather than an
   * interpolation, so a reported p99 is a latency or a size that really occurred; 0 when there are none.
   */
  static long of(long[] sorted, double share) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(share * sorted.length);
    return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
  }
}
