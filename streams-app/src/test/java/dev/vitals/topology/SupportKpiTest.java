package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.ticketStep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitals.kpi.SupportKpis;
import dev.vitals.schema.AccountKpiValues;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.testing.PipelineDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Support KPIs (SPEC §3) through the topology: window (asOf − 30 d, asOf]. */
class SupportKpiTest {
  private static final TicketEventKind OPENED = TicketEventKind.OPENED;
  private static final TicketEventKind REPLIED = TicketEventKind.AGENT_REPLIED;
  private static final TicketEventKind CUSTOMER = TicketEventKind.CUSTOMER_REPLIED;
  private static final TicketEventKind RESOLVED = TicketEventKind.RESOLVED;
  private static final TicketEventKind REOPENED = TicketEventKind.REOPENED;

  private final PipelineDriver pipeline = new PipelineDriver();
  private final List<TicketEvent> steps = new ArrayList<>();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldCountTicketsWhoseLatestEventIsNotResolved() {
    step("2026-03-01T09:00:00Z", "t1", OPENED);
    step("2026-03-01T10:00:00Z", "t1", RESOLVED);       // closed
    step("2026-03-02T09:00:00Z", "t2", OPENED);         // open
    step("2026-03-03T09:00:00Z", "t3", OPENED);
    step("2026-03-03T10:00:00Z", "t3", RESOLVED);
    step("2026-03-04T09:00:00Z", "t3", REOPENED);       // re-opened: open
    step("2026-03-05T09:00:00Z", "t4", OPENED);
    step("2026-03-05T10:00:00Z", "t4", REPLIED);
    step("2026-03-05T11:00:00Z", "t4", CUSTOMER);       // open
    sendAllInEventTime();

    // t2, t3, t4 = 3
    assertThat(pipeline.latestHealth().get("acme").getKpis().getOpenTickets()).isEqualTo(3);
  }

  @Test
  void shouldTakeTheMeanOfTheTwoMiddleFirstResponsesForAnEvenCount() {
    // asOf = 2026-04-10T12:00Z; tickets opened in (2026-03-11T12:00Z, asOf] count.
    ticketWithReplyAfter("old", "2026-03-11T12:00:00Z", Duration.ofHours(100)); // opened exactly 30 days back: out
    ticketWithReplyAfter("a", "2026-04-01T08:00:00Z", Duration.ofHours(1));
    ticketWithReplyAfter("b", "2026-04-02T08:00:00Z", Duration.ofHours(10));
    ticketWithReplyAfter("c", "2026-04-03T08:00:00Z", Duration.ofHours(2));
    ticketWithReplyAfter("d", "2026-04-04T08:00:00Z", Duration.ofHours(4));
    step("2026-04-04T09:00:00Z", "a", REPLIED);          // a's second reply: not its first response
    step("2026-04-10T12:00:00Z", "e", OPENED);           // no reply yet: no first response
    sendAllInEventTime();

    // sorted 1 h, 2 h, 4 h, 10 h -> (2 h + 4 h) / 2 = 3 h = 10 800 s
    SupportKpis support = pipeline.state("acme").kpisAt(at("2026-04-10T12:00:00Z")).support();
    assertThat(support.ticketsOpened30d()).isEqualTo(5);
    assertThat(support.firstResponseMedian()).isEqualTo(Duration.ofHours(3));
    assertThat(pipeline.latestHealth().get("acme").getKpis().getFirstResponseMedianSeconds()).isEqualTo(10_800L);
  }

  @Test
  void shouldTakeTheMiddleFirstResponseForAnOddCount() {
    ticketWithReplyAfter("a", "2026-04-01T08:00:00Z", Duration.ofMinutes(30));
    ticketWithReplyAfter("b", "2026-04-02T08:00:00Z", Duration.ofHours(7));
    ticketWithReplyAfter("c", "2026-04-03T08:00:00Z", Duration.ofHours(2));
    sendAllInEventTime();

    // sorted 0.5 h, 2 h, 7 h -> 2 h
    assertThat(pipeline.latestHealth().get("acme").getKpis().getFirstResponseMedianSeconds()).isEqualTo(7_200L);
  }

  @Test
  void shouldMeasureResolutionToTheFinalResolvedOverTicketsResolvedInTheLast30Days() {
    // asOf = 2026-04-10T12:00Z
    step("2026-03-01T00:00:00Z", "old", OPENED);
    step("2026-03-11T12:00:00Z", "old", RESOLVED);       // resolved exactly 30 days back: outside
    step("2026-04-01T00:00:00Z", "a", OPENED);
    step("2026-04-01T02:00:00Z", "a", RESOLVED);         // 2 h
    step("2026-04-02T00:00:00Z", "b", OPENED);
    step("2026-04-02T01:00:00Z", "b", RESOLVED);
    step("2026-04-02T02:00:00Z", "b", REOPENED);
    step("2026-04-03T06:00:00Z", "b", RESOLVED);         // final RESOLVED: 30 h after OPENED
    step("2026-04-05T00:00:00Z", "c", OPENED);
    step("2026-04-05T05:00:00Z", "c", RESOLVED);         // 5 h
    step("2026-04-10T12:00:00Z", "d", OPENED);           // still open: no resolution
    sendAllInEventTime();

    // sorted 2 h, 5 h, 30 h -> 5 h = 18 000 s
    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getTicketsResolved30d()).isEqualTo(3);
    assertThat(kpis.getResolutionMedianSeconds()).isEqualTo(18_000L);
  }

  @Test
  void shouldResolveOnFirstContactWithAtMostOneAgentReplyAndNoReopen() {
    // asOf = 2026-04-10T12:00Z
    resolvedAfterReplies("a", "2026-04-01T00:00:00Z", 1);  // FCR
    resolvedAfterReplies("b", "2026-04-02T00:00:00Z", 0);  // FCR (no reply needed)
    resolvedAfterReplies("c", "2026-04-03T00:00:00Z", 2);  // not FCR
    resolvedAfterReplies("d", "2026-04-04T00:00:00Z", 4);  // not FCR
    reopenedAfterOneReply("e");                            // one reply but re-opened: not FCR
    sendAllInEventTime();

    // 2 of 5 resolved tickets = 0.4
    SupportKpis support = pipeline.state("acme").kpisAt(at("2026-04-06T03:00:00Z")).support();
    assertThat(support.ticketsResolved30d()).isEqualTo(5);
    assertThat(support.fcr()).isCloseTo(0.4, within(1e-9));
    assertThat(pipeline.latestHealth().get("acme").getKpis().getFcr()).isCloseTo(0.4, within(1e-9));
  }

  @Test
  void shouldDistributeResolvedTicketsByContactsItTook() {
    resolvedAfterReplies("a", "2026-04-01T00:00:00Z", 1);  // 1st
    resolvedAfterReplies("b", "2026-04-01T06:00:00Z", 0);  // 1st
    resolvedAfterReplies("c", "2026-04-02T00:00:00Z", 2);  // 2nd
    resolvedAfterReplies("d", "2026-04-03T00:00:00Z", 3);  // 3rd+
    resolvedAfterReplies("e", "2026-04-04T00:00:00Z", 5);  // 3rd+
    resolvedAfterReplies("f", "2026-04-05T00:00:00Z", 2);  // 2nd
    sendAllInEventTime();

    SupportKpis support = pipeline.state("acme").kpisAt(at("2026-04-05T23:00:00Z")).support();
    assertThat(support.resolvedOnFirstContact()).isEqualTo(2);
    assertThat(support.resolvedOnSecondContact()).isEqualTo(2);
    assertThat(support.resolvedOnThirdPlusContact()).isEqualTo(2);
    assertThat(support.fcr()).isCloseTo(2.0 / 6, within(1e-9));
  }

  @Test
  void shouldCountAReopenedTicketAsResolvedOnASecondContactAsFcrDoes() {
    reopenedAfterOneReply("e");
    sendAllInEventTime();

    SupportKpis support = pipeline.state("acme").kpisAt(at("2026-04-06T03:00:00Z")).support();
    assertThat(support.fcr()).isZero();
    assertThat(support.resolvedOnFirstContact()).isZero();
    assertThat(support.resolvedOnSecondContact()).isEqualTo(1);
  }

  private void step(String at, String ticketId, TicketEventKind kind) {
    steps.add(ticketStep("acme", at, ticketId, kind));
  }

  private void ticketWithReplyAfter(String ticketId, String openedAt, Duration reply) {
    step(openedAt, ticketId, OPENED);
    step(at(openedAt).plus(reply).toString(), ticketId, REPLIED);
  }

  /** Opened on 04-05 with one reply and resolved, reopened on 04-06 and resolved again at 03:00. */
  private void reopenedAfterOneReply(String ticketId) {
    step("2026-04-05T00:00:00Z", ticketId, OPENED);
    step("2026-04-05T01:00:00Z", ticketId, REPLIED);
    step("2026-04-05T02:00:00Z", ticketId, RESOLVED);
    step("2026-04-06T00:00:00Z", ticketId, REOPENED);
    step("2026-04-06T03:00:00Z", ticketId, RESOLVED);
  }

  /** Opened at {@code openedAt}, {@code replies} agent replies an hour apart, resolved an hour after the last. */
  private void resolvedAfterReplies(String ticketId, String openedAt, int replies) {
    step(openedAt, ticketId, OPENED);
    for (int i = 1; i <= replies; i++) {
      step(at(openedAt).plus(Duration.ofHours(i)).toString(), ticketId, REPLIED);
    }
    step(at(openedAt).plus(Duration.ofHours(replies + 1)).toString(), ticketId, RESOLVED);
  }

  private void sendAllInEventTime() {
    steps.sort(Comparator.comparing(TicketEvent::getOccurredAt));
    steps.forEach(pipeline::send);
    pipeline.flush();
  }
}
