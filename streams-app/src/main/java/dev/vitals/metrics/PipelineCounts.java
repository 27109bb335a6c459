package dev.vitals.metrics;

import dev.vitals.topology.PipelineSensors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Reads the pipeline's own Kafka metrics ({@link PipelineSensors}): the sum over stream threads of one metric for
 * the given tags. Threads' sensors outlive their tasks, so these sums only grow while the process lives.
 *
 * <p>Kafka Streams builds its whole metrics map (every client, thread, task and store metric: thousands) on each
 * call, and a scrape sums about a hundred counters; so which of them are the pipeline's is read once per scrape
 * ({@link #refresh}), or when a read finds the list older than a second, and each sum reads the live values of that
 * short list.
 */
final class PipelineCounts {
  private static final long STALE_AFTER_NANOS = Duration.ofSeconds(1).toNanos();

  private final Supplier<Map<MetricName, ? extends Metric>> metrics;
  private final LongSupplier nanoTime;
  private List<Map.Entry<MetricName, ? extends Metric>> pipelineMetrics;
  private long readAt;

  PipelineCounts(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this(metrics, System::nanoTime);
  }

  PipelineCounts(Supplier<Map<MetricName, ? extends Metric>> metrics, LongSupplier nanoTime) {
    this.metrics = metrics;
    this.nanoTime = nanoTime;
  }

  double sum(String name, Map<String, String> tags) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> entry : current()) {
      MetricName metric = entry.getKey();
      if (metric.name().equals(name) && metric.tags().entrySet().containsAll(tags.entrySet())
          && entry.getValue().metricValue() instanceof Number value) {
        total += value.doubleValue();
      }
    }
    return total;
  }

  /** Reads which of the client's metrics are the pipeline's (a thread replaced since adds or removes some). */
  synchronized void refresh() {
    List<Map.Entry<MetricName, ? extends Metric>> ours = new ArrayList<>();
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.get().entrySet()) {
      if (entry.getKey().group().equals(PipelineSensors.GROUP)) {
        ours.add(Map.entry(entry.getKey(), entry.getValue()));
      }
    }
    pipelineMetrics = ours;
    readAt = nanoTime.getAsLong();
  }

  private synchronized List<Map.Entry<MetricName, ? extends Metric>> current() {
    if (pipelineMetrics == null || nanoTime.getAsLong() - readAt > STALE_AFTER_NANOS) {
      refresh();
    }
    return pipelineMetrics;
  }
}
