package dev.vitals.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AccountKpiValues;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.HealthComponents;
import dev.vitals.schema.Segment;
import dev.vitals.testing.MetricsScrape;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-account series: labels, the cap (lowest scores first) and the alerts that the cap never hides. */
class AccountSeriesTest {

  @Test
  void shouldExportTheLowestScoresFirstUpToTheCapAndCountTheRest() {
    List<OwnedAccount> owned = List.of(account("healthy", 91), account("risky", 12), account("middling", 55));

    MetricsScrape scrape = scrape(owned, 2);

    assertThat(scrape.find("vitals_account_health_score")).extracting(s -> s.labels().get("account"))
        .containsExactlyInAnyOrder("risky", "middling");
    assertThat(scrape.value("vitals_account_series_cap")).isEqualTo(2);
    assertThat(scrape.value("vitals_account_series_omitted")).isEqualTo(1);
  }

  @Test
  void shouldExportOpenAlertsOfAccountsBeyondTheCap() {
    AccountHealth cancelling = health("cancelling", 88);
    cancelling.setOpenAlerts(List.of(AlertRule.CANCELLATION));
    List<OwnedAccount> owned = List.of(new OwnedAccount(cancelling, null), account("risky", 12));

    MetricsScrape scrape = scrape(owned, 1);

    assertThat(scrape.find("vitals_account_health_score", "account", "cancelling")).isEmpty();
    assertThat(scrape.value("vitals_account_alert_open", "account", "cancelling", "rule", "CANCELLATION",
        "severity", "CRITICAL", "segment", "SMB", "csm", "csm-7")).isEqualTo(1);
  }

  @Test
  void shouldLabelWithIdsOnlyAndLeaveKpisWithoutDataOut() {
    MetricsScrape scrape = scrape(List.of(account("acme", 35)), 10);

    assertThat(scrape.value("vitals_account_health_band", "account", "acme", "band", "AT_RISK")).isEqualTo(1);
    assertThat(scrape.value("vitals_account_component_score", "account", "acme", "component", "usage"))
        .isEqualTo(35);
    assertThat(scrape.find("vitals_account_component_score", "account", "acme", "component", "sentiment"))
        .isEmpty();
    assertThat(scrape.find("vitals_account_nps")).isEmpty();
    assertThat(scrape.value("vitals_account_time_to_renewal_seconds", "account", "acme")).isEqualTo(30 * 86_400);
    assertThat(scrape.text()).doesNotContain("acme Inc.");
  }

  @Test
  void shouldLabelAccountsWithoutAProfileAsUnknownAndUnassigned() {
    AccountHealth anonymous = health("anon", 50);
    anonymous.setSegment(null);
    anonymous.setCsm(null);

    MetricsScrape scrape = scrape(List.of(new OwnedAccount(anonymous, null)), 10);

    assertThat(scrape.value("vitals_account_health_score", "account", "anon", "segment", "unknown", "csm",
        "unassigned")).isEqualTo(50);
  }

  private static MetricsScrape scrape(List<OwnedAccount> owned, int cap) {
    MetricFamilies families = new MetricFamilies();
    new AccountSeries(cap).exportTo(owned, families);
    return MetricsScrape.of(() -> new io.prometheus.metrics.model.snapshots.MetricSnapshots(families.build()));
  }

  private static OwnedAccount account(String id, double score) {
    return new OwnedAccount(health(id, score), null);
  }

  private static AccountHealth health(String id, double score) {
    HealthBand band = score >= 70 ? HealthBand.HEALTHY : score >= 40 ? HealthBand.NEUTRAL : HealthBand.AT_RISK;
    return AccountHealth.newBuilder()
        .setAccountId(id)
        .setName(id + " Inc.")
        .setSegment(Segment.SMB)
        .setCsm("csm-7")
        .setScore(score)
        .setBand(band)
        .setComponents(new HealthComponents(score, null, null, null))
        .setCoverage(0.4)
        .setDelta7d(null)
        .setTopFactors(List.of())
        .setKpis(AccountKpiValues.newBuilder()
            .setActiveUsers30d(3).setUsageEvents7d(40).setUsageWeeklyAvgPrior28d(35).setApiCalls7d(0)
            .setPowerUsers30d(1).setDocViews30d(0).setNpsRespondents(0).setCsatAnswers(0).setCesAnswers(0)
            .setOpenTickets(0).setTicketsOpened30d(0).setTicketsResolved30d(0).setSubscribed(true)
            .setPaymentFailures30d(0).setDaysToRenewal(30)
            .build())
        .setOpenAlerts(List.of())
        .setModelVersion("test")
        .setAsOf(Instant.parse("2026-03-01T00:00:00Z"))
        .build();
  }
}
