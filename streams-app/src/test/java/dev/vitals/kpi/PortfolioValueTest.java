package dev.vitals.kpi;

import static dev.vitals.kpi.PortfolioFixture.cancelled;
import static dev.vitals.kpi.PortfolioFixture.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.testing.TestEvents;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** ARR, ARPU, power-user share and CLV, worked out by hand. */
class PortfolioValueTest {
  private final PortfolioFixture portfolio = new PortfolioFixture();

  @Test
  void arrIsTwelveTimesMrrAndArpuIsMrrOverPayingAccounts() {
    portfolio.given(subscribed("a", "2026-03-01", 1_000), subscribed("b", "2026-03-01", 2_000),
        subscribed("c", "2026-03-01", 4_000), cancelled("c", "2026-04-01"));

    SegmentKpis overall = portfolio.report(30).overall();

    assertThat(overall.mrrCents()).isEqualTo(3_000);
    assertThat(overall.arrCents()).isEqualTo(36_000);
    assertThat(overall.arpuCents()).isEqualTo(1_500);
  }

  @Test
  void powerUserShareIsUsersActiveOnFifteenOfThirtyDaysOverActiveUsers() {
    usedOnDays("a", "u1", 15);
    usedOnDays("a", "u2", 3);
    usedOnDays("b", "u3", 20);

    SegmentKpis overall = portfolio.report(30).overall();

    // u1 and u3 are power users; u2 is active only.
    assertThat(overall.activeUsers()).isEqualTo(3);
    assertThat(overall.powerUsers()).isEqualTo(2);
    assertThat(overall.powerUserShare()).isEqualTo(2.0 / 3);
  }

  @Test
  void clvIsArpuTimesMarginTimesTheLifetimeFromNinetyDaysOfLogoChurn() {
    for (String account : new String[] {"a", "b", "c", "d", "e", "f"}) {
      portfolio.given(subscribed(account, "2026-03-01", 1_000));
    }
    portfolio.given(cancelled("f", "2026-05-10"));

    LifetimeValue clv = portfolio.report(30).overall().clv();

    // 1 of 6 lost in 90 days: 1/18 a month, so 18 months; 1,000 × 0.8 × 18.
    assertThat(clv.monthlyLogoChurn()).isEqualTo(1.0 / 18);
    assertThat(clv.expectedLifetimeMonths()).isEqualTo(18.0);
    assertThat(clv.clvCents()).isEqualTo(14_400);
    assertThat(portfolio.report(30, 0.5).overall().clv().clvCents()).isEqualTo(9_000);
  }

  @Test
  void clvWithoutChurnUsesTheSixtyMonthCap() {
    portfolio.given(subscribed("a", "2026-03-01", 1_000), subscribed("b", "2026-03-01", 3_000));

    LifetimeValue clv = portfolio.report(365).overall().clv();

    // The CLV window is 90 days whatever the report's period: 2,000 × 0.8 × 60.
    assertThat(clv.expectedLifetimeMonths()).isEqualTo(60.0);
    assertThat(clv.clvCents()).isEqualTo(96_000);
  }

  @Test
  void clvIsUnknownWithoutAnyAccountSubscribedNinetyDaysAgo() {
    portfolio.given(subscribed("a", "2026-06-01", 1_000));

    assertThat(portfolio.report(30).overall().clv().clvCents()).isNull();
  }

  private void usedOnDays(String account, String user, int days) {
    LocalDate last = LocalDate.parse("2026-06-30");
    for (int i = 0; i < days; i++) {
      portfolio.given(TestEvents.login(account, last.minusDays(i) + "T09:00:00Z", user));
    }
  }
}
