package dev.vitals.metrics;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.ticket;
import static dev.vitals.testing.TestEvents.ticketStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.testing.MetricsScrape;
import dev.vitals.testing.PipelineDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The business series, read from the topology's stores as a scrape would, against counts worked out by hand. */
class StateMetricsTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  private MetricsScrape scrape() {
    OwnedAccounts owned = PipelineDriverStores.accounts(pipeline);
    return MetricsScrape.of(new StateMetrics(owned, 100));
  }

  @Test
  void shouldExportTheCountsBehindNpsCsatAndCesPerSegment() {
    pipeline.send(
        profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        answer("acme", "2026-03-02T00:00:00Z", "ann", SurveyKind.NPS, 10),
        answer("acme", "2026-03-02T00:00:00Z", "bob", SurveyKind.NPS, 8),
        answer("acme", "2026-03-02T00:00:00Z", "cid", SurveyKind.NPS, 9),
        answer("acme", "2026-03-03T00:00:00Z", "cid", SurveyKind.NPS, 3),   // cid's latest answer: a detractor
        answer("acme", "2026-03-03T00:00:00Z", "ann", SurveyKind.CSAT, 5),
        answer("acme", "2026-03-03T00:00:00Z", "bob", SurveyKind.CSAT, 2),
        answer("acme", "2026-03-03T00:00:00Z", "ann", SurveyKind.CES, 6),
        answer("acme", "2026-03-03T00:00:00Z", "bob", SurveyKind.CES, 3))
        .flush();

    MetricsScrape scrape = scrape();

    assertThat(scrape.value("vitals_nps_respondents", "segment", "SMB")).isEqualTo(3);
    assertThat(scrape.value("vitals_nps_promoters", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_nps_passives", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_nps_detractors", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_csat_answers", "segment", "SMB")).isEqualTo(2);
    assertThat(scrape.value("vitals_csat_satisfied", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_ces_answers", "segment", "SMB")).isEqualTo(2);
    assertThat(scrape.value("vitals_ces_points", "segment", "SMB")).isEqualTo(9);
  }

  @Test
  void shouldExportTicketTimesAsHistogramsAndResolutionsByContact() {
    pipeline.send(
        profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        ticketStep("acme", "2026-03-02T10:00:00Z", "t1", TicketEventKind.OPENED),
        ticket("acme", "2026-03-02T10:10:00Z", "t1", TicketEventKind.AGENT_REPLIED).setAgentId("agent-1").build(),
        ticketStep("acme", "2026-03-02T11:00:00Z", "t1", TicketEventKind.RESOLVED),
        ticketStep("acme", "2026-03-02T12:00:00Z", "t2", TicketEventKind.OPENED))   // open, no reply yet
        .flush();

    MetricsScrape scrape = scrape();

    // t1: first response 10 minutes, in the 15-minute bucket and not the 5-minute one; resolved in one hour
    assertThat(scrape.value("vitals_ticket_first_response_seconds_bucket", "segment", "SMB", "le", "300.0"))
        .isZero();
    assertThat(scrape.value("vitals_ticket_first_response_seconds_bucket", "segment", "SMB", "le", "900.0"))
        .isEqualTo(1);
    assertThat(scrape.value("vitals_ticket_first_response_seconds_sum", "segment", "SMB")).isEqualTo(600);
    assertThat(scrape.value("vitals_ticket_resolution_seconds_bucket", "segment", "SMB", "le", "1800.0")).isZero();
    assertThat(scrape.value("vitals_ticket_resolution_seconds_bucket", "segment", "SMB", "le", "3600.0"))
        .isEqualTo(1);
    assertThat(scrape.value("vitals_tickets_resolved_30d", "segment", "SMB", "contacts", "1")).isEqualTo(1);
    assertThat(scrape.value("vitals_tickets_resolved_30d", "segment", "SMB", "contacts", "2")).isZero();
    assertThat(scrape.value("vitals_tickets_resolved_first_contact_30d", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_tickets_open", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_tickets_opened_30d", "segment", "SMB")).isEqualTo(2);
  }

  @Test
  void shouldAddMrrUpPerSegmentAndBandAndKeepSegmentsApart() {
    pipeline.send(
        profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        subscribed("acme", "2026-03-01T00:00:00Z", 10_000, 10, "2027-03-01"),
        profile("initech", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        subscribed("initech", "2026-03-01T00:00:00Z", 5_000, 5, "2027-03-01"),
        profile("globex", "2026-03-01T00:00:00Z", Segment.ENTERPRISE).build(),
        subscribed("globex", "2026-03-01T00:00:00Z", 90_000, 50, "2027-03-01"),
        login("globex", "2026-03-02T00:00:00Z", "u1"))
        .flush();

    MetricsScrape scrape = scrape();

    assertThat(scrape.find("vitals_mrr_cents", "segment", "SMB").stream()
        .mapToDouble(MetricsScrape.Sample::value).sum())
        .isEqualTo(15_000);
    assertThat(scrape.find("vitals_mrr_cents", "segment", "ENTERPRISE").stream()
        .mapToDouble(MetricsScrape.Sample::value).sum()).isEqualTo(90_000);
    assertThat(scrape.value("vitals_mrr_movement_cents", "segment", "SMB", "kind", "new")).isEqualTo(15_000);
    assertThat(scrape.value("vitals_mrr_movement_cents", "segment", "SMB", "kind", "churn")).isZero();
    assertThat(scrape.value("vitals_paying_accounts", "segment", "SMB")).isEqualTo(2);
    assertThat(scrape.find("vitals_accounts", "segment", "SMB").stream().mapToDouble(MetricsScrape.Sample::value).sum())
        .isEqualTo(2);
    assertThat(scrape.value("vitals_health_score_count", "segment", "ENTERPRISE")).isEqualTo(1);
    assertThat(scrape.value("vitals_seats", "segment", "ENTERPRISE")).isEqualTo(50);
    assertThat(scrape.value("vitals_seated_active_users_30d", "segment", "ENTERPRISE")).isEqualTo(1);
  }

  @Test
  void shouldExportNothingForAnInstanceThatOwnsNoAccount() {
    MetricsScrape scrape = scrape();

    assertThat(scrape.find("vitals_accounts")).isEmpty();
    assertThat(scrape.find("vitals_account_health_score")).isEmpty();
    assertThat(scrape.value("vitals_account_series_omitted")).isZero();
  }
}
