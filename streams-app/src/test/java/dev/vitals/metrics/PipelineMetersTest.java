package dev.vitals.metrics;

import static dev.vitals.testing.TestEvents.login;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.events.EventType;
import dev.vitals.schema.UsageEvent;
import dev.vitals.testing.MetricsScrape;
import dev.vitals.testing.PipelineDriver;
import dev.vitals.topology.ProcessingErrorCounts;
import dev.vitals.topology.TopicNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline's counters, kept by the topology's processors and exported as {@code vitals_*} meters. */
class PipelineMetersTest {
  private final PipelineDriver pipeline = new PipelineDriver();
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final String usage = TopicNames.defaults().usage();
  private final ProcessingErrorCounts processingErrors = new ProcessingErrorCounts();

  @AfterEach
  void close() {
    pipeline.close();
  }

  private PipelineMeters bound() {
    PipelineMeters meters = new PipelineMeters(new PipelineCounts(pipeline::metrics), processingErrors,
        List.of(usage));
    meters.bindTo(registry);
    return meters;
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  @Test
  void shouldCountAcceptedDuplicateAndRejectedEventsByTopicAndReason() {
    UsageEvent event = login("acme", "2026-03-01T00:00:00Z", "u1");
    pipeline.send(event, event)
        .sendRaw(pipeline.topicOf(EventType.USAGE), "acme", new byte[] {1, 2, 3})
        .flush();

    bound();

    // both copies pass intake; the second is then dropped as a duplicate
    assertThat(count("vitals.events.accepted", "topic", usage)).isEqualTo(2);
    assertThat(count("vitals.events.duplicate", "topic", usage)).isEqualTo(1);
    assertThat(count("vitals.events.rejected", "topic", usage, "reason", "undecodable")).isEqualTo(1);
    assertThat(count("vitals.events.rejected", "topic", usage, "reason", "too_late")).isZero();
    assertThat(count("vitals.health.records.emitted")).isEqualTo(1);
  }

  @Test
  void shouldCountRecordsTheExceptionHandlerDeadLetteredAsProcessingErrors() {
    bound();

    processingErrors.record(usage);

    assertThat(count("vitals.events.rejected", "topic", usage, "reason", "processing_error")).isEqualTo(1);
    assertThat(count("vitals.events.rejected", "topic", usage, "reason", "undecodable")).isZero();
  }

  @Test
  void shouldDescribeEveryMeterAndRemoveThemOnClose() {
    PipelineMeters meters = bound();

    assertThat(registry.getMeters()).isNotEmpty()
        .allSatisfy(meter -> assertThat(meter.getId().getDescription()).isNotBlank());

    meters.close();
    assertThat(registry.getMeters()).isEmpty();
  }
}
