package dev.vitals.metrics;

import static dev.vitals.testing.TestEvents.survey;
import static dev.vitals.testing.TestEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.testing.MetricsScrape;
import dev.vitals.testing.PipelineDriver;
import dev.vitals.topology.StoreNames;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agent series, read from the topology's hourly windows as a scrape would, against counts worked out by hand. */
class AgentSeriesTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  private MetricsScrape scrape(int cap) {
    return MetricsScrape.of(new AgentSeries(() -> Optional.of(pipeline.windowStore(StoreNames.AGENT_HOURS)), cap));
  }

  @Test
  void shouldExportEachAgentsCountsOverTheLast7DaysOfStreamTime() {
    // given: ann's old reply (more than 7 days before the latest hour), then a day of tickets
    pipeline.send(
        step("2026-02-23T14:59:59Z", "old", TicketEventKind.AGENT_REPLIED, "ann"),
        step("2026-03-02T09:00:00Z", "t1", TicketEventKind.OPENED, null),
        step("2026-03-02T09:10:00Z", "t1", TicketEventKind.AGENT_REPLIED, "ann"),   // first response 600 s
        step("2026-03-02T09:30:00Z", "t1", TicketEventKind.RESOLVED, "ann"),
        step("2026-03-02T10:00:00Z", "t2", TicketEventKind.OPENED, null),
        step("2026-03-02T12:00:00Z", "t2", TicketEventKind.AGENT_REPLIED, "bob"),   // first response 7 200 s
        step("2026-03-02T12:20:00Z", "t2", TicketEventKind.AGENT_REPLIED, "bob"),
        step("2026-03-02T13:00:00Z", "t2", TicketEventKind.RESOLVED, "bob"),
        survey("acme", "2026-03-02T14:00:00Z", "req", SurveyKind.CSAT, 4).setTouchpoint("t1").build());

    // when: stream time is the end of the 14:00 hour, so the last 7 days are [02-23T15:00, 03-02T15:00)
    MetricsScrape scrape = scrape(10);

    // then
    assertThat(scrape.value("vitals_agents_7d")).isEqualTo(2);
    assertThat(scrape.value("vitals_agent_replies_7d", "agent", "ann")).isEqualTo(1);
    assertThat(scrape.value("vitals_agent_worked_hour_windows_7d", "agent", "ann")).isEqualTo(1);
    assertThat(scrape.value("vitals_agent_tickets_resolved_7d", "agent", "ann")).isEqualTo(1);
    assertThat(scrape.value("vitals_agent_tickets_resolved_first_contact_7d", "agent", "ann")).isEqualTo(1);
    assertThat(scrape.value("vitals_agent_csat_answers_7d", "agent", "ann")).isEqualTo(1);
    assertThat(scrape.value("vitals_agent_csat_satisfied_7d", "agent", "ann")).isEqualTo(1);
    assertThat(scrape.value("vitals_agent_first_response_seconds_sum", "agent", "ann")).isEqualTo(600);
    assertThat(scrape.value("vitals_agent_replies_7d", "agent", "bob")).isEqualTo(2);
    assertThat(scrape.value("vitals_agent_tickets_resolved_first_contact_7d", "agent", "bob")).isZero();
    assertThat(scrape.value("vitals_agent_first_response_seconds_bucket", "agent", "bob", "le", "3600.0")).isZero();
    assertThat(scrape.value("vitals_agent_first_response_seconds_bucket", "agent", "bob", "le", "7200.0"))
        .isEqualTo(1);
  }

  @Test
  void shouldExportNoMoreAgentsThanTheCapMostResolvedFirstButCountThemAll() {
    pipeline.send(
        step("2026-03-02T09:10:00Z", "t1", TicketEventKind.AGENT_REPLIED, "ann"),
        step("2026-03-02T09:20:00Z", "t2", TicketEventKind.AGENT_REPLIED, "bob"),
        step("2026-03-02T09:30:00Z", "t2", TicketEventKind.RESOLVED, "bob"));

    MetricsScrape scrape = scrape(1);

    assertThat(scrape.value("vitals_agents_7d")).isEqualTo(2);
    assertThat(scrape.find("vitals_agent_replies_7d")).singleElement()
        .satisfies(sample -> assertThat(sample.labels()).containsEntry("agent", "bob"));
  }

  @Test
  void shouldExportNothingBeforeTheFirstStep() {
    assertThat(scrape(10).find("vitals_agents_7d")).isEmpty();
  }

  private static TicketEvent step(String at, String ticketId, TicketEventKind kind, String agent) {
    return ticket("acme", at, ticketId, kind).setAgentId(agent).build();
  }
}
