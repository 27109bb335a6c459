package dev.vitals.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects data points by metric name during one scrape and builds the snapshots: the scrape-time collectors read
 * state once and add to several families as they go. A family is a gauge or a histogram by its first data point.
 */
final class MetricFamilies {
  private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();
  private final Map<String, HistogramSnapshot.Builder> histograms = new LinkedHashMap<>();

  void gauge(String name, String help, Labels labels, double value) {
    gauges.computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
        .dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  /**
   * A classic histogram data point.
   *
   * @param upperBounds finite upper bounds, ascending
   * @param counts per bucket, not cumulative, one more than the bounds (the last counts values over the last bound)
   */
  void histogram(String name, String help, Labels labels, double[] upperBounds, long[] counts, double sum) {
    double[] bounds = new double[upperBounds.length + 1];
    System.arraycopy(upperBounds, 0, bounds, 0, upperBounds.length);
    bounds[upperBounds.length] = Double.POSITIVE_INFINITY;
    histograms.computeIfAbsent(name, n -> HistogramSnapshot.builder().name(n).help(help))
        .dataPoint(HistogramDataPointSnapshot.builder()
            .labels(labels)
            .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
            .sum(sum)
            .build());
  }

  List<MetricSnapshot> build() {
    List<MetricSnapshot> snapshots = new ArrayList<>();
    gauges.values().forEach(builder -> snapshots.add(builder.build()));
    histograms.values().forEach(builder -> snapshots.add(builder.build()));
    return snapshots;
  }
}
