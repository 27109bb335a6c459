package dev.vitals.kpi;

import static dev.vitals.kpi.PortfolioFixture.spend;
import static dev.vitals.kpi.PortfolioFixture.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.CostCentre;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** CAC, CLV:CAC, cost to retain and support cost, from the months of spend that closed in the period. */
class PortfolioCostTest {
  private final PortfolioFixture portfolio = new PortfolioFixture();

  @Test
  void cacIsAcquisitionSpendOverTheAccountsWonInTheMonthsOfThePeriod() {
    portfolio.given(spend(CostCentre.ACQUISITION, "2026-05-01", 1_000_000, 4),
        spend(CostCentre.ACQUISITION, "2026-04-01", 9_000_000, 1));

    CostKpis costs = portfolio.report(30).costs();

    // May closed on 05-31, inside the 30 days; April did not.
    assertThat(costs.accountsWon()).isEqualTo(4);
    assertThat(costs.cacCents()).isEqualTo(250_000);
    // Over 90 days both months count: 10,000,000 / 5.
    assertThat(portfolio.report(90).costs().cacCents()).isEqualTo(2_000_000);
  }

  @Test
  void clvToCacDividesThePortfolioClvByCac() {
    portfolio.given(subscribed("a", "2026-03-01", 100_000),
        spend(CostCentre.ACQUISITION, "2026-05-01", 1_200_000, 1));

    PortfolioKpis report = portfolio.report(30);

    // CLV 100,000 × 0.8 × 60 = 4,800,000 (no churn); CAC 1,200,000.
    assertThat(report.overall().clv().clvCents()).isEqualTo(4_800_000);
    assertThat(report.costs().clvToCac()).isEqualTo(4.0);
  }

  @Test
  void costToRetainIsMonthlySuccessSpendPerSubscribedAccount() {
    portfolio.given(subscribed("a", "2026-03-01", 1_000), subscribed("b", "2026-03-01", 1_000),
        subscribed("c", "2026-03-01", 1_000),
        spend(CostCentre.SUCCESS, "2026-04-01", 600_000, null), spend(CostCentre.SUCCESS, "2026-05-01", 300_000, null));

    // 30 days: May alone, 300,000 / 3. 90 days: the mean of April and May, 450,000 / 3.
    assertThat(portfolio.report(30).costs().costToRetainCents()).isEqualTo(100_000);
    assertThat(portfolio.report(90).costs().costToRetainCents()).isEqualTo(150_000);
  }

  @Test
  void supportCostIsMonthlySupportSpendAsAShareOfMrrAndPerTicketResolvedInThirtyDays() {
    portfolio.given(subscribed("a", "2026-03-01", 1_000_000), spend(CostCentre.SUPPORT, "2026-05-01", 200_000, null));
    for (int ticket = 1; ticket <= 4; ticket++) {
      portfolio.given(
          TestEvents.ticketStep("a", "2026-06-1" + ticket + "T09:00:00Z", "t" + ticket, TicketEventKind.OPENED),
          TestEvents.ticketStep("a", "2026-06-1" + ticket + "T10:00:00Z", "t" + ticket, TicketEventKind.RESOLVED));
    }

    CostKpis costs = portfolio.report(30).costs();

    assertThat(costs.supportCostShareOfMrr()).isEqualTo(0.2);
    assertThat(costs.supportCostPerResolvedTicketCents()).isEqualTo(50_000);
  }

  @Test
  void withoutReportedSpendTheCostKpisAreUnknown() {
    portfolio.given(subscribed("a", "2026-03-01", 1_000));

    CostKpis costs = portfolio.report(30).costs();

    assertThat(costs.cacCents()).isNull();
    assertThat(costs.clvToCac()).isNull();
    assertThat(costs.costToRetainCents()).isNull();
    assertThat(costs.supportCostShareOfMrr()).isNull();
    assertThat(costs.supportCostPerResolvedTicketCents()).isNull();
  }
}
