package dev.vitals.kpi;

import static dev.vitals.kpi.PortfolioFixture.cancelled;
import static dev.vitals.kpi.PortfolioFixture.profile;
import static dev.vitals.kpi.PortfolioFixture.spend;
import static dev.vitals.kpi.PortfolioFixture.subscribed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.CostCentre;
import dev.vitals.schema.Segment;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.testing.TestEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shares of instances that own part of the accounts merge into exactly the report of one pass over them all. */
class PortfolioShareTest {
  private final PortfolioFixture portfolio = new PortfolioFixture()
      .given(profile("a", Segment.SMB), subscribed("a", "2026-03-01", 1_000),
          profile("b", Segment.SMB), subscribed("b", "2026-03-01", 2_000), cancelled("b", "2026-06-03"),
          profile("c", Segment.ENTERPRISE), subscribed("c", "2026-06-10", 9_000),
          TestEvents.ticketStep("a", "2026-06-10T09:00:00Z", "t1", TicketEventKind.OPENED),
          TestEvents.ticketStep("a", "2026-06-10T10:00:00Z", "t1", TicketEventKind.AGENT_REPLIED),
          TestEvents.ticketStep("c", "2026-06-11T09:00:00Z", "t2", TicketEventKind.OPENED),
          TestEvents.ticketStep("c", "2026-06-11T12:00:00Z", "t2", TicketEventKind.AGENT_REPLIED));

  @Test
  void sharesOfTwoInstancesMergeIntoTheReportOfOnePass() {
    List<AccountState> all = portfolio.accounts();
    PortfolioShare first = portfolio.share(30, all.subList(0, 1));
    PortfolioShare second = new PortfolioFixture().given(spend(CostCentre.SUPPORT, "2026-05-01", 100, null))
        .share(30, all.subList(1, 3));
    PortfolioShare onePass = portfolio.given(spend(CostCentre.SUPPORT, "2026-05-01", 100, null)).share(30, all);

    PortfolioKpis merged = PortfolioKpis.of(first.plus(second), 0.8);

    // The first-response median (1 h and 3 h: 2 h) needs both instances' tickets, not their medians.
    assertThat(merged.overall().firstResponseMedianSeconds()).isEqualTo(7_200);
    assertThat(merged).isEqualTo(PortfolioKpis.of(onePass, 0.8));
  }

  @Test
  void sharesOfDifferentInstantsDoNotMerge() {
    PortfolioShare month = portfolio.share(30, portfolio.accounts());
    PortfolioShare quarter = portfolio.share(90, portfolio.accounts());

    assertThatThrownBy(() -> month.plus(quarter)).isInstanceOf(IllegalArgumentException.class);
  }
}
