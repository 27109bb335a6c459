package dev.vitals.kpi;

import static dev.vitals.kpi.PortfolioFixture.profile;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.ticketStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.Segment;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.testing.TestEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The portfolio's ticket analytics as of Tuesday 2026-06-30 noon (UTC), worked out by hand. SMB "acme" (active:
 * ana logged in) opened t1 (Mon 06-29 09:00, complaint, replied after 30 min, resolved on the 1st contact), t2 (Mon
 * 06-29 09:15, billing, replied after 60 min and again, resolved on the 2nd contact) and t3 (Mon 06-22 14:00,
 * complaint, no reply, open). SMB "beta" (no active user) opened t4 (Tue 06-23 09:40, billing, replied after 10 min,
 * open) and t5 on 05-20 (before the 30 days; three replies, resolved on 06-25, on the 3rd contact). ENTERPRISE
 * "gamma" is active and opened nothing.
 */
class PortfolioTicketsTest {
  private final PortfolioFixture portfolio = new PortfolioFixture().given(
      profile("acme", Segment.SMB), login("acme", "2026-06-20T10:00:00Z", "ana"),
      opened("acme", "2026-06-29T09:00:00Z", "t1", "complaint"),
      step("acme", "2026-06-29T09:30:00Z", "t1", TicketEventKind.AGENT_REPLIED),
      step("acme", "2026-06-29T10:00:00Z", "t1", TicketEventKind.RESOLVED),
      opened("acme", "2026-06-29T09:15:00Z", "t2", "billing"),
      step("acme", "2026-06-29T10:15:00Z", "t2", TicketEventKind.AGENT_REPLIED),
      step("acme", "2026-06-29T11:00:00Z", "t2", TicketEventKind.AGENT_REPLIED),
      step("acme", "2026-06-29T12:00:00Z", "t2", TicketEventKind.RESOLVED),
      opened("acme", "2026-06-22T14:00:00Z", "t3", "complaint"),
      profile("beta", Segment.SMB),
      opened("beta", "2026-06-23T09:40:00Z", "t4", "billing"),
      step("beta", "2026-06-23T09:50:00Z", "t4", TicketEventKind.AGENT_REPLIED),
      opened("beta", "2026-05-20T09:00:00Z", "t5", "bug"),
      step("beta", "2026-05-20T10:00:00Z", "t5", TicketEventKind.AGENT_REPLIED),
      step("beta", "2026-05-21T10:00:00Z", "t5", TicketEventKind.AGENT_REPLIED),
      step("beta", "2026-05-22T10:00:00Z", "t5", TicketEventKind.AGENT_REPLIED),
      step("beta", "2026-06-25T10:00:00Z", "t5", TicketEventKind.RESOLVED),
      profile("gamma", Segment.ENTERPRISE), login("gamma", "2026-06-25T10:00:00Z", "cy"));

  private static SpecificRecord opened(String account, String at, String ticket, String category) {
    return TestEvents.ticket(account, at, ticket, TicketEventKind.OPENED).setCategory(category).build();
  }

  private static SpecificRecord step(String account, String at, String ticket, TicketEventKind kind) {
    return ticketStep(account, at, ticket, kind);
  }

  @Test
  void givenTicketsOpenedOnMondayAndTuesday_whenReported_thenCountsThemByUtcWeekdayAndHour() {
    TicketAnalyticsKpis tickets = portfolio.report(30).overall().tickets();

    assertThat(tickets.opened30d()).isEqualTo(4);
    assertThat(tickets.openedByWeekdayAndHour().keySet())
        .containsExactly("1-Mon", "2-Tue", "3-Wed", "4-Thu", "5-Fri", "6-Sat", "7-Sun");
    assertThat(tickets.openedByWeekdayAndHour().get("1-Mon")).isEqualTo(hours(Map.of(9, 2, 14, 1)));
    assertThat(tickets.openedByWeekdayAndHour().get("2-Tue")).isEqualTo(hours(Map.of(9, 1)));
    assertThat(tickets.openedByWeekdayAndHour().get("5-Fri")).isEqualTo(hours(Map.of()));
  }

  @Test
  void givenRepliedTickets_whenReported_thenTakesTheMedianFirstResponsePerWeekdayAndHour() {
    TicketAnalyticsKpis tickets = portfolio.report(30).overall().tickets();

    // Monday: 30 and 60 min (t3 has no reply): 45 min; Tuesday: 10 min
    assertThat(tickets.firstResponsesByWeekday()).containsEntry("1-Mon", 2).containsEntry("2-Tue", 1)
        .containsEntry("3-Wed", 0);
    assertThat(tickets.firstResponseMedianSecondsByWeekday())
        .containsEntry("1-Mon", Duration.ofMinutes(45).toSeconds())
        .containsEntry("2-Tue", Duration.ofMinutes(10).toSeconds())
        .containsEntry("3-Wed", null);
    // 09h: 30, 60 and 10 min: 30 min; 14h: t3 only, never replied
    assertThat(tickets.firstResponsesByHour()).hasSize(24).containsEntry("09", 3).containsEntry("14", 0);
    assertThat(tickets.firstResponseMedianSecondsByHour())
        .containsEntry("09", Duration.ofMinutes(30).toSeconds())
        .containsEntry("14", null);
  }

  @Test
  void givenResolvedAndOpenTickets_whenReported_thenGivesCategoriesFcrDistributionAndRatesBesideTheirCounts() {
    TicketAnalyticsKpis tickets = portfolio.report(30).overall().tickets();

    // t5 was opened before the 30 days: resolved in them, not opened in them
    assertThat(tickets.openedByCategory()).containsExactly(Map.entry("billing", 2), Map.entry("complaint", 2));
    assertThat(tickets.resolvedByContact())
        .containsExactly(Map.entry("first", 1), Map.entry("second", 1), Map.entry("thirdPlus", 1),
            Map.entry("unresolved", 2));
    assertThat(tickets.resolved30d()).isEqualTo(3);
    assertThat(tickets.closureRate()).isEqualTo(0.75);
    // acme complained twice and counts once; active: acme and gamma
    assertThat(tickets.accountsWithComplaint()).isEqualTo(1);
    assertThat(tickets.activeAccounts()).isEqualTo(2);
    assertThat(tickets.complaintRate()).isEqualTo(0.5);
    assertThat(tickets.accounts()).isEqualTo(3);
    assertThat(tickets.ticketsPerAccount()).isEqualTo(4 / 3.0);
  }

  @Test
  void givenSegments_whenReported_thenEachHasItsOwnTicketsAndNoRatesWithoutABase() {
    PortfolioKpis report = portfolio.report(30);
    TicketAnalyticsKpis smb = report.segments().get("SMB").tickets();
    TicketAnalyticsKpis enterprise = report.segments().get("ENTERPRISE").tickets();

    assertThat(smb.opened30d()).isEqualTo(4);
    assertThat(smb.complaintRate()).isEqualTo(1.0);
    assertThat(smb.ticketsPerAccount()).isEqualTo(2.0);
    assertThat(enterprise.opened30d()).isZero();
    assertThat(enterprise.closureRate()).isNull();
    assertThat(enterprise.complaintRate()).isZero();
    assertThat(enterprise.openedByCategory()).isEmpty();
  }

  @Test
  void givenMoreCategoriesThanListed_whenReported_thenSumsTheLeastFrequentAsOther() {
    // 22 categories: c00 opened three times, c01 twice, c02 … c21 once; the last two by name go to other
    for (int i = 0; i < 22; i++) {
      for (int n = 0; n < (i == 0 ? 3 : i == 1 ? 2 : 1); n++) {
        portfolio.given(opened("gamma", "2026-06-26T10:00:00Z", "c" + i + "-" + n, String.format("c%02d", i)));
      }
    }

    Map<String, Integer> byCategory = portfolio.report(30).segments().get("ENTERPRISE").tickets().openedByCategory();

    assertThat(byCategory).hasSize(TicketAnalyticsKpis.CATEGORIES + 1);
    assertThat(byCategory.keySet()).startsWith("c00", "c01", "c02").endsWith("c19", "other");
    assertThat(byCategory).containsEntry("c00", 3).containsEntry("other", 2);
  }

  @Test
  void givenTwoInstances_whenTheirSharesMerge_thenTheSectionEqualsOnePass() {
    List<AccountState> all = portfolio.accounts();
    PortfolioShare first = portfolio.share(30, all.subList(0, 1));
    PortfolioShare second = portfolio.share(30, all.subList(1, all.size()));

    assertThat(PortfolioKpis.of(first.plus(second), 0.8).overall().tickets())
        .isEqualTo(portfolio.report(30).overall().tickets());
  }

  /** 24 counts by hour, zero but for {@code counts}. */
  private static List<Integer> hours(Map<Integer, Integer> counts) {
    List<Integer> byHour = new ArrayList<>(Collections.nCopies(24, 0));
    counts.forEach(byHour::set);
    return byHour;
  }
}
