package dev.vitals.kpi;

import static dev.vitals.kpi.PortfolioFixture.cancelled;
import static dev.vitals.kpi.PortfolioFixture.planChanged;
import static dev.vitals.kpi.PortfolioFixture.profile;
import static dev.vitals.kpi.PortfolioFixture.renewed;
import static dev.vitals.kpi.PortfolioFixture.subscribed;
import static dev.vitals.kpi.PortfolioFixture.subscribedRenewingOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.Segment;
import org.junit.jupiter.api.Test;

/** Logo churn, retention, net customer growth, renewal rate, revenue churn and loyal accounts, worked out by hand. */
class PortfolioRetentionTest {
  private final PortfolioFixture portfolio = new PortfolioFixture();

  @Test
  void logoChurnCountsAccountsSubscribedAtTheStartAndNotAtTheEnd() {
    portfolio.given(subscribed("a", "2026-03-01", 1_000), subscribed("b", "2026-03-01", 1_000),
        subscribed("c", "2026-03-01", 1_000), subscribed("d", "2026-03-01", 1_000),
        cancelled("d", "2026-06-10"));

    RetentionKpis retention = portfolio.report(30).overall().retention();

    // 1 of the 4 subscribed on 05-31 is gone on 06-30.
    assertThat(retention.accountsAtStart()).isEqualTo(4);
    assertThat(retention.churnedAccounts()).isEqualTo(1);
    assertThat(retention.logoChurn()).isEqualTo(0.25);
    assertThat(retention.retentionRate()).isEqualTo(0.75);
    assertThat(retention.accountsAtEnd()).isEqualTo(3);
  }

  @Test
  void anAccountThatCancelsAndComesBackInThePeriodIsNotLost() {
    portfolio.given(subscribed("a", "2026-03-01", 1_000), cancelled("a", "2026-06-05"),
        subscribed("a", "2026-06-20", 1_000));

    RetentionKpis retention = portfolio.report(30).overall().retention();

    assertThat(retention.churnedAccounts()).isZero();
    assertThat(retention.logoChurn()).isEqualTo(0.0);
    assertThat(retention.reactivatedAccounts()).isZero();
  }

  @Test
  void netCustomerGrowthIsNewAndReactivatedLessChurnedOverTheAccountsAtTheStart() {
    portfolio.given(subscribed("a", "2026-03-01", 1_000), subscribed("b", "2026-03-01", 1_000),
        cancelled("b", "2026-06-02"),
        subscribed("c", "2026-06-15", 1_000),
        subscribed("d", "2026-01-10", 1_000), cancelled("d", "2026-03-10"), subscribed("d", "2026-06-20", 1_000));

    RetentionKpis retention = portfolio.report(30).overall().retention();

    // Start: a, b. End: a, c (new), d (back). (1 + 1 − 1) / 2.
    assertThat(retention.newAccounts()).isEqualTo(1);
    assertThat(retention.reactivatedAccounts()).isEqualTo(1);
    assertThat(retention.churnedAccounts()).isEqualTo(1);
    assertThat(retention.netCustomerGrowth()).isEqualTo(0.5);
  }

  @Test
  void renewalRateIsRenewedOverDueInThePeriod() {
    portfolio.given(
        subscribedRenewingOn("early", "2025-06-15", 1_000, "2026-06-15"), renewed("early", "2026-06-14", "2027-06-15"),
        subscribedRenewingOn("lapsed", "2025-06-20", 1_000, "2026-06-20"),
        subscribedRenewingOn("later", "2025-08-01", 1_000, "2026-08-01"));

    RetentionKpis retention = portfolio.report(30).overall().retention();

    // Due on 06-15 and 06-20; the one due in August is not due yet.
    assertThat(retention.renewalsDue()).isEqualTo(2);
    assertThat(retention.renewed()).isEqualTo(1);
    assertThat(retention.renewalRate()).isEqualTo(0.5);
  }

  @Test
  void revenueChurnIsContractionAndChurnOfTheAccountsPayingAtTheStart() {
    portfolio.given(subscribed("a", "2026-03-01", 1_000), planChanged("a", "2026-06-10", 600),
        subscribed("b", "2026-03-01", 1_000), cancelled("b", "2026-06-12"),
        subscribed("c", "2026-03-01", 2_000),
        subscribed("d", "2026-06-15", 500), planChanged("d", "2026-06-16", 300));

    SegmentKpis overall = portfolio.report(30).overall();

    // (400 + 1,000) / 4,000; d was not paying on 05-31, so its contraction is not the base's.
    assertThat(overall.retention().periodStartMrrCents()).isEqualTo(4_000);
    assertThat(overall.retention().revenueChurnCents()).isEqualTo(1_400);
    assertThat(overall.retention().revenueChurn()).isEqualTo(0.35);
    assertThat(overall.grr()).isEqualTo(0.65);
  }

  @Test
  void loyalAccountsAreTheSubscribedAccountsThatRenewedAtLeastOnce() {
    portfolio.given(
        subscribedRenewingOn("a", "2025-02-01", 1_000, "2026-02-01"), renewed("a", "2026-02-01", "2027-02-01"),
        subscribed("b", "2026-02-01", 1_000),
        subscribedRenewingOn("c", "2025-02-01", 1_000, "2026-02-01"), renewed("c", "2026-02-01", "2027-02-01"),
        cancelled("c", "2026-05-01"));

    RetentionKpis retention = portfolio.report(30).overall().retention();

    // a and b are subscribed; a renewed. c renewed too, but is gone.
    assertThat(retention.loyalAccounts()).isEqualTo(1);
    assertThat(retention.loyalAccountShare()).isEqualTo(0.5);
  }

  @Test
  void eachSegmentCountsItsOwnAccounts() {
    portfolio.given(profile("a", Segment.SMB), subscribed("a", "2026-03-01", 1_000), cancelled("a", "2026-06-10"),
        profile("b", Segment.ENTERPRISE), subscribed("b", "2026-03-01", 5_000));

    PortfolioKpis report = portfolio.report(30);

    assertThat(report.segments().get("SMB").retention().logoChurn()).isEqualTo(1.0);
    assertThat(report.segments().get("ENTERPRISE").retention().logoChurn()).isEqualTo(0.0);
    assertThat(report.segments().get("MID_MARKET").retention().logoChurn()).isNull();
    assertThat(report.overall().retention().logoChurn()).isEqualTo(0.5);
  }

  @Test
  void aLongerPeriodReachesFurtherBack() {
    portfolio.given(subscribed("a", "2026-01-01", 1_000), subscribed("b", "2026-01-01", 1_000),
        cancelled("b", "2026-05-01"));

    // 90 days from 04-01: b was there and left; 30 days from 05-31: b had already gone.
    assertThat(portfolio.report(90).overall().retention().logoChurn()).isEqualTo(0.5);
    assertThat(portfolio.report(30).overall().retention().logoChurn()).isEqualTo(0.0);
  }
}
