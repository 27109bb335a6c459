package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.featureUsed;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitals.kpi.UsageKpis;
import dev.vitals.schema.AccountKpiValues;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.Segment;
import dev.vitals.schema.UsageKind;
import dev.vitals.testing.PipelineDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Usage KPIs (SPEC §3) through the topology. Usage windows are whole UTC days ending with the asOf day. */
class UsageKpiTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldCountDistinctNonNullUsersActiveInTheLast30Days() {
    // asOf = 2026-03-31T12:00Z; the 30-day window is the days 03-02 .. 03-31.
    pipeline.send(
        login("acme", "2026-03-01T23:59:59Z", "old"),            // 31st day back: outside
        login("acme", "2026-03-02T00:00:00Z", "ana"),            // first day of the window: inside
        login("acme", "2026-03-25T08:00:00Z", "ana"),            // same user again: still one
        usage("acme", "2026-03-26T08:00:00Z", UsageKind.API_CALL).setCount(40).build(), // no userId: not a user
        featureUsed("acme", "2026-03-31T12:00:00Z", "bo", "reports"))
        .flush();

    // ana + bo = 2
    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getActiveUsers30d()).isEqualTo(2);
    assertThat(pipeline.state("acme").kpisAt(at("2026-03-31T12:00:00Z")).usage().activeUsers30d()).isEqualTo(2);
  }

  @Test
  void shouldDivideActiveUsersByTheLatestSeats() {
    pipeline.send(
        subscribed("acme", "2026-03-01T00:00:00Z", 50_000, 10, "2027-03-01"),
        login("acme", "2026-03-02T09:00:00Z", "ana"),
        login("acme", "2026-03-03T09:00:00Z", "bo"),
        login("acme", "2026-03-04T09:00:00Z", "cy"),
        billing("acme", "2026-03-05T09:00:00Z", BillingEventKind.PLAN_CHANGED).setSeats(4).build())
        .flush();

    // 3 active users / 4 seats (the latest billing value, not the first 10) = 0.75
    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getSeats()).isEqualTo(4);
    assertThat(kpis.getLicenseUtilization()).isCloseTo(0.75, within(1e-9));
  }

  @Test
  void shouldLeaveLicenseUtilisationAbsentWithoutSeats() {
    pipeline.send(
        login("acme", "2026-03-02T09:00:00Z", "ana"),
        billing("acme", "2026-03-03T09:00:00Z", BillingEventKind.SUBSCRIPTION_STARTED).setMrrCents(10_000L).build())
        .flush();

    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getActiveUsers30d()).isEqualTo(1);
    assertThat(kpis.getSeats()).isNull();
    assertThat(kpis.getLicenseUtilization()).isNull();
  }

  @Test
  void shouldCompareTheLast7DaysWithThePrior28DayWeeklyAverage() {
    // asOf day D = 2026-04-28. Recent window: D-6 .. D = 04-22 .. 04-28. Prior: D-34 .. D-7 = 03-25 .. 04-21.
    pipeline.send(
        usage("acme", "2026-03-24T12:00:00Z", UsageKind.LOGIN).setCount(100).build(), // D-35: outside both
        usage("acme", "2026-03-25T00:00:00Z", UsageKind.LOGIN).setCount(10).build(),  // D-34: prior
        usage("acme", "2026-04-05T12:00:00Z", UsageKind.FEATURE_USED).setCount(10).build(),
        usage("acme", "2026-04-15T12:00:00Z", UsageKind.API_CALL).setCount(10).build(),
        usage("acme", "2026-04-21T23:59:59Z", UsageKind.LOGIN).setCount(10).build(),  // D-7: prior
        usage("acme", "2026-04-22T00:00:00Z", UsageKind.LOGIN).setCount(3).build(),   // D-6: recent
        usage("acme", "2026-04-28T08:00:00Z", UsageKind.DOC_VIEWED).setCount(3).build())
        .flush();

    // prior = 10 + 10 + 10 + 10 = 40 over 28 days -> 10 a week; recent = 3 + 3 = 6; trend = 6 / 10 = 0.6
    UsageKpis usage = pipeline.state("acme").kpisAt(at("2026-04-28T08:00:00Z")).usage();
    assertThat(usage.usageEvents7d()).isEqualTo(6);
    assertThat(usage.usageWeeklyAvgPrior28d()).isCloseTo(10.0, within(1e-9));
    assertThat(usage.usageTrend()).isCloseTo(0.6, within(1e-9));
    AccountKpiValues emitted = pipeline.latestHealth().get("acme").getKpis();
    assertThat(emitted.getUsageTrend()).isCloseTo(0.6, within(1e-9));
  }

  @Test
  void shouldLeaveUsageTrendAbsentWithoutPriorUsage() {
    pipeline.send(login("acme", "2026-04-28T08:00:00Z", "ana")).flush();

    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getUsageEvents7d()).isEqualTo(1);
    assertThat(kpis.getUsageTrend()).isNull();
  }

  @Test
  void shouldShareKeyFeaturesUsedInTheLast30Days() {
    // asOf = 2026-03-31; the 30-day window is 03-02 .. 03-31.
    pipeline.send(
        profile("acme", "2026-02-20T00:00:00Z", Segment.SMB, "reports", "alerts", "export", "sso").build(),
        featureUsed("acme", "2026-03-01T10:00:00Z", "ana", "export"),   // 31st day back: outside
        featureUsed("acme", "2026-03-02T10:00:00Z", "ana", "alerts"),   // first day of the window
        usage("acme", "2026-03-10T10:00:00Z", UsageKind.LOGIN).setUserId("ana").setFeature("sso").build(), // not FEATURE_USED
        featureUsed("acme", "2026-03-20T10:00:00Z", "bo", "dashboards"), // not a key feature
        featureUsed("acme", "2026-03-31T10:00:00Z", "bo", "reports"),
        featureUsed("acme", "2026-03-31T11:00:00Z", "cy", "reports"))   // same feature twice: once
        .flush();

    // reports + alerts = 2 of 4 key features = 0.5
    UsageKpis usage = pipeline.state("acme").kpisAt(at("2026-03-31T11:00:00Z")).usage();
    assertThat(usage.keyFeaturesTotal()).isEqualTo(4);
    assertThat(usage.keyFeaturesUsed30d()).isEqualTo(2);
    assertThat(pipeline.latestHealth().get("acme").getKpis().getKeyFeatureAdoption()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void shouldDivideApiErrorsByApiCallsOfTheLast7Days() {
    // asOf day = 2026-04-28; 7-day window 04-22 .. 04-28.
    pipeline.send(
        usage("acme", "2026-04-21T12:00:00Z", UsageKind.API_CALL).setCount(1000).setErrorCount(1000).build(), // outside
        usage("acme", "2026-04-22T00:00:00Z", UsageKind.API_CALL).setCount(100).setErrorCount(5).build(),
        usage("acme", "2026-04-25T12:00:00Z", UsageKind.FEATURE_USED).setCount(10).setErrorCount(10).build(), // not an API call
        usage("acme", "2026-04-28T09:00:00Z", UsageKind.API_CALL).setCount(100).setErrorCount(15).build())
        .flush();

    // (5 + 15) / (100 + 100) = 0.1
    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getApiCalls7d()).isEqualTo(200);
    assertThat(kpis.getApiErrorRate()).isCloseTo(0.1, within(1e-9));
  }
}
