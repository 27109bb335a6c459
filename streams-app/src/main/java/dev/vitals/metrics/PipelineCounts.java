package dev.vitals.metrics;

import dev.vitals.topology.PipelineSensors;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Reads the pipeline's own Kafka metrics ({@link PipelineSensors}): the sum over stream threads of one metric for
 * the given tags. Threads' sensors outlive their tasks, so these sums only grow while the process lives.
 */
final class PipelineCounts {
  private final Supplier<Map<MetricName, ? extends Metric>> metrics;

  PipelineCounts(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.metrics = metrics;
  }

  double sum(String name, Map<String, String> tags) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.get().entrySet()) {
      MetricName metric = entry.getKey();
      if (metric.group().equals(PipelineSensors.GROUP) && metric.name().equals(name)
          && metric.tags().entrySet().containsAll(tags.entrySet())
          && entry.getValue().metricValue() instanceof Number value) {
        total += value.doubleValue();
      }
    }
    return total;
  }
}
