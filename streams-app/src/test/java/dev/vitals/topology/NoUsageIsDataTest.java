package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.testing.PipelineDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * For a subscriber, silence is a signal (issue 13): an account that pays and never uses the product is scored on
 * that, not re-weighted to the components that happen to have data.
 */
class NoUsageIsDataTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldScoreASubscribersUsageOnItsSilence() {
    pipeline.send(profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        subscribed("acme", "2026-03-01T00:00:00Z", 20_000, 10, "2027-03-01"),
        billing("acme", "2026-03-11T00:00:00Z", BillingEventKind.INVOICE_PAID).build())
        .flush();

    AccountHealth health = pipeline.latestHealth().get("acme");

    assertThat(health.getComponents().getUsage()).isNotNull().isLessThan(20.0);
    assertThat(health.getKpis().getDaysSinceLastUsage()).isEqualTo(10);
    assertThat(health.getScore()).isLessThan(60.0);
    assertThat(health.getTopFactors()).anySatisfy(factor ->
        assertThat(factor.getDetail()).isEqualTo("no usage since the subscription started 10 days ago"));
  }

  @Test
  void shouldNotCallTheFirstDayOfRealUsageAScoreDrop() {
    pipeline.send(profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        subscribed("acme", "2026-03-01T00:00:00Z", 20_000, 3, "2027-03-01"));
    for (int day = 2; day <= 9; day++) {
      pipeline.send(billing("acme", "2026-03-0" + day + "T00:00:00Z", BillingEventKind.INVOICE_PAID).build());
    }
    pipeline.flush();
    double silent = pipeline.latestHealth().get("acme").getScore();

    pipeline.send(login("acme", "2026-03-10T09:00:00Z", "ana"), login("acme", "2026-03-10T09:05:00Z", "bo"),
        login("acme", "2026-03-10T09:10:00Z", "cy")).flush();

    assertThat(pipeline.latestHealth().get("acme").getScore()).isGreaterThan(silent);
    assertThat(pipeline.alerts()).noneMatch(alert -> alert.getRule() == AlertRule.SCORE_DROP);
  }

  @Test
  void shouldLeaveUsageOutForAnAccountThatIsNotSubscribed() {
    pipeline.send(profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        answer("acme", "2026-03-05T00:00:00Z", "ann", SurveyKind.NPS, 9)).flush();

    assertThat(pipeline.latestHealth().get("acme").getComponents().getUsage()).isNull();
  }
}
