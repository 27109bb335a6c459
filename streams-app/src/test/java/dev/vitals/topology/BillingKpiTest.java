package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.kpi.FinancialKpis;
import dev.vitals.schema.AccountKpiValues;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.testing.PipelineDriver;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Billing KPIs (SPEC §3) through the topology. */
class BillingKpiTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldTakeTheLatestMrrByEventTimeNotByArrival() {
    pipeline.send(
        subscribed("acme", "2026-03-01T00:00:00Z", 1_000, 5, "2027-03-01"),
        planChange("2026-03-10T00:00:00Z", 3_000),
        planChange("2026-03-05T00:00:00Z", 2_000))   // arrives last, happened before the 3 000 change
        .flush();

    assertThat(pipeline.latestHealth().get("acme").getKpis().getMrrCents()).isEqualTo(3_000L);
    assertThat(pipeline.state("acme").kpisAt(at("2026-03-07T00:00:00Z")).financial().mrrCents()).isEqualTo(2_000L);
  }

  @Test
  void shouldCountPaymentFailuresNotSettledByALaterPaidInvoice() {
    // asOf = 2026-04-20T00:00Z; window (2026-03-21T00:00Z, asOf]
    pipeline.send(
        subscribed("acme", "2026-03-01T00:00:00Z", 1_000, 5, "2027-03-01"),
        payment("2026-03-15T00:00:00Z", BillingEventKind.PAYMENT_FAILED),   // older than 30 days
        payment("2026-04-01T00:00:00Z", BillingEventKind.PAYMENT_FAILED),   // settled by 04-05
        payment("2026-04-05T00:00:00Z", BillingEventKind.INVOICE_PAID),
        payment("2026-04-10T00:00:00Z", BillingEventKind.PAYMENT_FAILED),   // open
        payment("2026-04-20T00:00:00Z", BillingEventKind.PAYMENT_FAILED))   // open
        .flush();

    // only the two failures after the last INVOICE_PAID count
    assertThat(pipeline.latestHealth().get("acme").getKpis().getPaymentFailures30d()).isEqualTo(2);
    // as of 04-06 the 04-01 failure was settled: none
    assertThat(pipeline.state("acme").kpisAt(at("2026-04-06T00:00:00Z")).financial().paymentFailures30d()).isZero();
  }

  @Test
  void shouldLetPaymentFailuresAgeOutOfThe30DayWindow() {
    pipeline.send(
        subscribed("acme", "2026-03-01T00:00:00Z", 1_000, 5, "2027-03-01"),
        payment("2026-03-10T00:00:00Z", BillingEventKind.PAYMENT_FAILED),
        payment("2026-04-05T00:00:00Z", BillingEventKind.PAYMENT_FAILED))
        .flush();
    FinancialKpis onApril9 = pipeline.state("acme").kpisAt(at("2026-04-09T00:00:00Z")).financial();
    FinancialKpis onApril5 = pipeline.state("acme").kpisAt(at("2026-04-05T00:00:00Z")).financial();

    // 03-10 is 26 days before 04-05 (both count) and exactly 30 days before 04-09 (no longer counts)
    assertThat(onApril5.paymentFailures30d()).isEqualTo(2);
    assertThat(onApril9.paymentFailures30d()).isEqualTo(1);
  }

  @Test
  void shouldCountDaysFromTheLatestEventDayToTheRenewalDate() {
    pipeline.send(
        subscribed("acme", "2026-03-01T00:00:00Z", 1_000, 5, "2026-05-30"),
        payment("2026-03-31T10:00:00Z", BillingEventKind.INVOICE_PAID))
        .flush();

    // 2026-03-31 -> 2026-05-30: 1 day left in March + 30 in April + 29 in May = 60
    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getRenewalDate()).isEqualTo(LocalDate.parse("2026-05-30"));
    assertThat(kpis.getDaysToRenewal()).isEqualTo(60);
  }

  @Test
  void shouldTakeTheRenewalDateOfTheLatestBillingEventThatSetsOne() {
    pipeline.send(
        subscribed("acme", "2026-03-01T00:00:00Z", 1_000, 5, "2026-04-01"),
        billing("acme", "2026-03-20T00:00:00Z", BillingEventKind.RENEWED).setRenewalDate(LocalDate.parse("2027-04-01"))
            .build())
        .flush();

    // 2026-03-20 -> 2027-04-01: 12 days to 04-01, then 365 days = 377
    assertThat(pipeline.latestHealth().get("acme").getKpis().getDaysToRenewal()).isEqualTo(377);
  }

  @Test
  void shouldShowNoRenewalAndNoLicenceUtilisationOnceCancelled() {
    pipeline.send(
        subscribed("acme", "2026-03-01T00:00:00Z", 1_000, 5, "2027-03-01"),
        login("acme", "2026-03-02T00:00:00Z", "ana"),
        billing("acme", "2026-03-10T00:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build())
        .flush();

    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getRenewalDate()).isNull();
    assertThat(kpis.getDaysToRenewal()).isNull();
    assertThat(kpis.getLicenseUtilization()).isNull();
    assertThat(pipeline.state("acme").kpisAt(at("2026-03-05T00:00:00Z")).financial().daysToRenewal())
        .as("before the cancellation").isEqualTo(361);
  }

  private static BillingEvent planChange(String at, long mrrCents) {
    return billing("acme", at, BillingEventKind.PLAN_CHANGED).setMrrCents(mrrCents).build();
  }

  private static BillingEvent payment(String at, BillingEventKind kind) {
    return billing("acme", at, kind).setAmountCents(1_000L).build();
  }
}
