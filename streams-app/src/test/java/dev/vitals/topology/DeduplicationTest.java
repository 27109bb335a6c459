package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.UsageEvent;
import dev.vitals.testing.PipelineDriver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeduplicationTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldCountRedeliveredUsageEventOnce() {
    UsageEvent login = login("acme", "2026-03-02T10:00:00Z", "ana");

    pipeline.send(login, login, login).flush();

    assertThat(pipeline.state("acme").kpisAt(login.getOccurredAt()).usage().usageEvents7d()).isEqualTo(1);
    assertThat(pipeline.counter("events-duplicate-total", Map.of("topic", "vitals.usage"))).isEqualTo(2.0);
  }

  @Test
  void shouldRaiseDetractorAlertOnceWhenSurveyIsRedelivered() {
    SurveyResponse detractor = answer("acme", "2026-03-03T11:00:00Z", "r1", SurveyKind.NPS, 3);
    pipeline.send(profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build()).flush();

    pipeline.send(detractor).flush();
    pipeline.send(detractor).flush();

    List<ChurnAlert> alerts = pipeline.alerts();
    assertThat(alerts).filteredOn(alert -> alert.getRule() == AlertRule.DETRACTOR)
        .singleElement()
        .satisfies(alert -> assertThat(alert.getState()).isEqualTo(AlertState.RAISED));
  }

  @Test
  void shouldForgetEventIdAfterRetentionMeasuredInProductionTime() {
    UsageEvent login = login("acme", "2026-03-02T10:00:00Z", "ana");
    Duration retention = Duration.ofDays(7);

    pipeline.sendAt(login, PipelineDriver.PRODUCED_AT.minus(retention.plusDays(3)));
    pipeline.sendAt(login("other", "2026-03-02T10:00:00Z", "bo"), PipelineDriver.PRODUCED_AT);
    pipeline.sendAt(login, PipelineDriver.PRODUCED_AT).flush();

    assertThat(pipeline.counter("events-duplicate-total", Map.of("topic", "vitals.usage"))).isZero();
    assertThat(pipeline.state("acme").kpisAt(login.getOccurredAt()).usage().usageEvents7d()).isEqualTo(2);
  }
}
