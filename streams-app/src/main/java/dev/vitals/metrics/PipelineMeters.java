package dev.vitals.metrics;

import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.topology.PipelineSensors;
import dev.vitals.topology.ProcessingErrorCounts;
import dev.vitals.topology.RejectReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The pipeline's counters as {@code vitals_*} meters: events accepted, rejected (dead-lettered) and duplicated by
 * input topic (and reason), health records emitted, alert transitions, failed evaluations. Every label set is
 * registered up front, so a counter that never moved reads 0 rather than being absent (and a rate over it is 0).
 */
public final class PipelineMeters implements MeterBinder, AutoCloseable {
  private final PipelineCounts counts;
  private final ProcessingErrorCounts processingErrors;
  private final List<String> inputTopics;
  private final List<Meter> meters = new ArrayList<>();
  private MeterRegistry registry;

  PipelineMeters(PipelineCounts counts, ProcessingErrorCounts processingErrors, List<String> inputTopics) {
    this.counts = counts;
    this.processingErrors = processingErrors;
    this.inputTopics = List.copyOf(inputTopics);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    for (String topic : inputTopics) {
      counter(registry, "vitals.events.accepted", "Input records that passed intake (decoded and valid;"
              + " duplicates and too-late ones among them are counted again as such)",
          PipelineSensors.ACCEPTED, Map.of("topic", topic));
      counter(registry, "vitals.events.duplicate", "Re-deliveries of an event id already counted (dropped)",
          PipelineSensors.DUPLICATES, Map.of("topic", topic));
      for (RejectReason reason : RejectReason.values()) {
        Map<String, String> labels = Map.of("topic", topic, "reason", reason.tag());
        // Processing errors are dead-lettered by the exception handler, outside the processors and their sensors.
        ToDoubleFunction<PipelineCounts> count = reason == RejectReason.PROCESSING_ERROR
            ? c -> processingErrors.count(topic)
            : c -> c.sum(PipelineSensors.REJECTED, labels);
        counter(registry, "vitals.events.rejected", "Input records sent to the dead-letter topic, by reason",
            count, labels);
      }
    }
    counter(registry, "vitals.health.records.emitted", "Health records written to the health topic",
        PipelineSensors.EMITTED, Map.of());
    counter(registry, "vitals.accounts.erased", "Accounts erased by a tombstone on the accounts topic",
        PipelineSensors.ERASED, Map.of());
    for (AlertRule rule : AlertRule.values()) {
      for (AlertState state : AlertState.values()) {
        counter(registry, "vitals.alert.transitions", "Churn alerts raised and resolved",
            PipelineSensors.ALERT_TRANSITIONS, Map.of("rule", rule.name(), "state", state.name()));
      }
    }
    counter(registry, "vitals.evaluations.failed", "Account evaluations that failed on a defect (logged)",
        PipelineSensors.EVALUATION_FAILED, Map.of());
  }

  private void counter(MeterRegistry registry, String meter, String description, String sensor,
      Map<String, String> labels) {
    counter(registry, meter, description, c -> c.sum(sensor, labels), labels);
  }

  private void counter(MeterRegistry registry, String meter, String description,
      ToDoubleFunction<PipelineCounts> count, Map<String, String> labels) {
    Tags tags = Tags.empty();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      tags = tags.and(label.getKey(), label.getValue());
    }
    meters.add(FunctionCounter.builder(meter, counts, count)
        .description(description)
        .tags(tags)
        .register(registry));
  }

  @Override
  public void close() {
    if (registry != null) {
      meters.forEach(registry::remove);
    }
    meters.clear();
  }
}
