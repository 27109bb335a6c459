package dev.vitals.metrics;

import static dev.vitals.testing.TestEvents.login;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.testing.MetricsScrape;
import dev.vitals.testing.PipelineDriver;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event-to-score latency histogram, measured on the topology's wall clock. */
class EventToScoreLatencyTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldMeasureFromTheEventsAppendToTheEmissionOfItsHealthRecord() {
    // produced at the wall clock, emitted one emit interval (100 ms) later
    pipeline.send(login("acme", "2026-03-01T00:00:00Z", "u1")).flush();
    // produced 3 s before the wall clock (a record that waited in Kafka), emitted 100 ms later
    pipeline.sendAt(login("globex", "2026-03-01T00:00:00Z", "u1"),
        PipelineDriver.PRODUCED_AT.plus(Duration.ofMillis(100)).minusSeconds(3)).flush();

    MetricsScrape scrape = MetricsScrape.of(new EventToScoreLatency(new PipelineCounts(pipeline::metrics)));

    assertThat(scrape.value("vitals_event_to_score_latency_seconds_bucket", "le", "0.05")).isZero();
    assertThat(scrape.value("vitals_event_to_score_latency_seconds_bucket", "le", "0.1")).isEqualTo(1);
    assertThat(scrape.value("vitals_event_to_score_latency_seconds_bucket", "le", "2.5")).isEqualTo(1);
    assertThat(scrape.value("vitals_event_to_score_latency_seconds_bucket", "le", "5.0")).isEqualTo(2);
    assertThat(scrape.value("vitals_event_to_score_latency_seconds_bucket", "le", "+Inf")).isEqualTo(2);
    assertThat(scrape.value("vitals_event_to_score_latency_seconds_count")).isEqualTo(2);
    assertThat(scrape.value("vitals_event_to_score_latency_seconds_sum")).isCloseTo(3.2, within());
  }

  @Test
  void shouldNotMeasureTheDailyReEvaluationAsAnEventsLatency() {
    pipeline.send(login("acme", "2026-03-01T00:00:00Z", "u1")).flush();
    // globex's first event moves the event clock into a new day: acme is re-evaluated without an event of its own
    pipeline.send(login("globex", "2026-03-02T00:00:00Z", "u1")).flush();

    MetricsScrape scrape = MetricsScrape.of(new EventToScoreLatency(new PipelineCounts(pipeline::metrics)));

    assertThat(scrape.value("vitals_event_to_score_latency_seconds_count")).isEqualTo(2);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }
}
