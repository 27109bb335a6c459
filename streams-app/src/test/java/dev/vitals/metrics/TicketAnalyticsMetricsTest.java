package dev.vitals.metrics;

import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.Segment;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.testing.MetricsScrape;
import dev.vitals.testing.PipelineDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The support board's ticket analytics, read from the ticket entries and health records as a scrape would: volume
 * by weekday and hour, first response per weekday and hour, categories and the complaint rate's counts, worked out by hand.
 * 2026-03-02 is a Monday.
 */
class TicketAnalyticsMetricsTest {
  private final PipelineDriver pipeline = new PipelineDriver();
  private MetricsScrape scrape;

  @BeforeEach
  void givenTicketsOfTwoAccounts() {
    pipeline.send(
        profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        profile("beta", "2026-03-01T00:00:00Z", Segment.MID_MARKET).build(),
        login("acme", "2026-03-01T08:00:00Z", "ann"),
        // acme: Monday 09:15 answered in 600 s; Monday 09:40 a complaint answered in 3 600 s
        step("acme", "2026-03-02T09:15:00Z", "t1", TicketEventKind.OPENED, "billing"),
        step("acme", "2026-03-02T09:25:00Z", "t1", TicketEventKind.AGENT_REPLIED, "billing"),
        step("acme", "2026-03-02T09:40:00Z", "t2", TicketEventKind.OPENED, "complaint"),
        step("acme", "2026-03-02T10:40:00Z", "t2", TicketEventKind.AGENT_REPLIED, "complaint"),
        // acme: Tuesday 14:00 unanswered; Wednesday 08:00 without a category, answered in 120 s
        step("acme", "2026-03-03T14:00:00Z", "t3", TicketEventKind.OPENED, "billing"),
        step("acme", "2026-03-04T08:00:00Z", "t4", TicketEventKind.OPENED, null),
        step("acme", "2026-03-04T08:02:00Z", "t4", TicketEventKind.AGENT_REPLIED, null),
        // beta: Monday 09:05 a bug answered in 1 800 s
        step("beta", "2026-03-02T09:05:00Z", "t5", TicketEventKind.OPENED, "bug"),
        step("beta", "2026-03-02T09:35:00Z", "t5", TicketEventKind.AGENT_REPLIED, "bug"))
        .flush();
    OwnedAccounts owned = PipelineDriverStores.accounts(pipeline);
    OwnedTickets tickets = PipelineDriverStores.tickets(pipeline);
    scrape = MetricsScrape.of(new StateMetrics(owned, 100, tickets));
  }

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldCountTicketsOpenedByUtcWeekdayAndHourZerosIncluded() {
    assertThat(scrape.value("vitals_tickets_opened_by_hour_30d", "weekday", "1-Mon", "hour", "09")).isEqualTo(3);
    assertThat(scrape.value("vitals_tickets_opened_by_hour_30d", "weekday", "2-Tue", "hour", "14")).isEqualTo(1);
    assertThat(scrape.value("vitals_tickets_opened_by_hour_30d", "weekday", "3-Wed", "hour", "08")).isEqualTo(1);
    assertThat(scrape.value("vitals_tickets_opened_by_hour_30d", "weekday", "7-Sun", "hour", "23")).isZero();
    assertThat(scrape.find("vitals_tickets_opened_by_hour_30d")).hasSize(7 * 24);
  }

  @Test
  void shouldBucketFirstResponsesByTheWeekdayAndHourTheTicketWasOpened() {
    // Monday: 600 s, 3 600 s, 1 800 s; the unanswered Tuesday ticket is in no histogram
    assertThat(scrape.value("vitals_ticket_first_response_by_weekday_seconds_count", "weekday", "1-Mon"))
        .isEqualTo(3);
    assertThat(scrape.value("vitals_ticket_first_response_by_weekday_seconds_sum", "weekday", "1-Mon"))
        .isEqualTo(6_000);
    assertThat(scrape.value("vitals_ticket_first_response_by_weekday_seconds_bucket", "weekday", "1-Mon",
        "le", "900.0")).isEqualTo(1);
    assertThat(scrape.value("vitals_ticket_first_response_by_weekday_seconds_bucket", "weekday", "1-Mon",
        "le", "1800.0")).isEqualTo(2);
    assertThat(scrape.value("vitals_ticket_first_response_by_weekday_seconds_count", "weekday", "2-Tue")).isZero();
    assertThat(scrape.value("vitals_ticket_first_response_by_hour_seconds_count", "hour", "09")).isEqualTo(3);
    assertThat(scrape.value("vitals_ticket_first_response_by_hour_seconds_sum", "hour", "08")).isEqualTo(120);
  }

  @Test
  void shouldCountTicketsByCategoryWithNoneForTicketsWithoutOne() {
    assertThat(scrape.value("vitals_tickets_opened_by_category_30d", "category", "billing")).isEqualTo(2);
    assertThat(scrape.value("vitals_tickets_opened_by_category_30d", "category", "complaint")).isEqualTo(1);
    assertThat(scrape.value("vitals_tickets_opened_by_category_30d", "category", "bug")).isEqualTo(1);
    assertThat(scrape.value("vitals_tickets_opened_by_category_30d", "category", "none")).isEqualTo(1);
  }

  @Test
  void shouldCountAccountsWithAComplaintAndAccountsWithAnActiveUserPerSegment() {
    // complaint rate SMB = 1 / 1; MID_MARKET: beta has no active user and no complaint
    assertThat(scrape.value("vitals_accounts_with_complaint_30d", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_accounts_active_30d", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_accounts_with_complaint_30d", "segment", "MID_MARKET")).isZero();
    assertThat(scrape.value("vitals_accounts_active_30d", "segment", "MID_MARKET")).isZero();
  }

  private static TicketEvent step(String account, String at, String ticketId, TicketEventKind kind,
      String category) {
    return ticket(account, at, ticketId, kind).setCategory(category).build();
  }
}
