package dev.vitals.metrics;

import dev.vitals.topology.PipelineSensors;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;

/**
 * {@code vitals_event_to_score_latency_seconds}: a histogram of the time from an event's append to the emission of
 * the health record that reflects it, from the stream threads' bucket counters ({@link PipelineSensors#LATENCY}).
 * The buckets are counted by the stream threads as Kafka metrics, which keeps the topology free of Micrometer; this
 * collector turns them into one Prometheus histogram.
 */
final class EventToScoreLatency implements MultiCollector {
  private final PipelineCounts counts;

  EventToScoreLatency(PipelineCounts counts) {
    this.counts = counts;
  }

  @Override
  public MetricSnapshots collect() {
    List<Double> bounds = PipelineSensors.LATENCY_BOUNDS;
    double[] upperBounds = new double[bounds.size()];
    long[] perBucket = new long[bounds.size() + 1];
    long below = 0;
    for (int i = 0; i < bounds.size(); i++) {
      upperBounds[i] = bounds.get(i);
      long cumulative = (long) counts.sum(PipelineSensors.LATENCY + "-bucket",
          Map.of("le", Double.toString(bounds.get(i))));
      perBucket[i] = cumulative - below;
      below = cumulative;
    }
    long total = (long) counts.sum(PipelineSensors.LATENCY + "-count", Map.of());
    perBucket[bounds.size()] = total - below;
    MetricFamilies families = new MetricFamilies();
    families.histogram("vitals_event_to_score_latency_seconds",
        "From an event's append to the emission of the health record that reflects it", Labels.EMPTY, upperBounds,
        perBucket, counts.sum(PipelineSensors.LATENCY + "-sum", Map.of()));
    return new MetricSnapshots(families.build());
  }
}
