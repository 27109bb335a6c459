package dev.vitals.topology;

import org.apache.kafka.common.metrics.MeasurableStat;
import org.apache.kafka.common.metrics.MetricConfig;

/**
 * A cumulative count of the values recorded that are at most a bound: one bucket of a Prometheus-style histogram,
 * kept as a Kafka metric (Kafka's own stats have rates and percentiles, not buckets).
 */
final class CountAtMost implements MeasurableStat {
  private final double bound;
  private long count;

  CountAtMost(double bound) {
    this.bound = bound;
  }

  @Override
  public void record(MetricConfig config, double value, long timeMs) {
    if (value <= bound) {
      count++;
    }
  }

  @Override
  public double measure(MetricConfig config, long now) {
    return count;
  }
}
