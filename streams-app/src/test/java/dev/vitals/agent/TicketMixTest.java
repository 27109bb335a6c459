package dev.vitals.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.state.stored.StoredAgentTicket;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** The ticket analytics over the window (stream time − 30 d, stream time], worked out by hand. */
class TicketMixTest {

  @Test
  void shouldCountOnlyTicketsOpenedWithinThe30DaysBeforeTheLatestStep() {
    // given: stream time 2026-04-01T12:00Z (the latest step of any ticket)
    List<KeyValue<String, StoredAgentTicket>> tickets = List.of(
        ticket("acme", "t1", "2026-03-02T12:00:00Z", null, "2026-04-01T12:00:00Z", "bug"),  // exactly 30 d back: out
        ticket("acme", "t2", "2026-03-02T12:00:01Z", null, "2026-03-02T12:00:01Z", "bug"),  // just inside
        ticket("beta", "t3", "2026-03-29T23:30:00Z", "2026-03-30T00:10:00Z", "2026-03-30T00:10:00Z",
            TicketMix.COMPLAINT));

    TicketMix mix = TicketMix.of(tickets);

    // then: t2 on Monday 12:00; t3 on Sunday 23:00, answered 40 min later (the (30 min, 1 h] bucket)
    assertThat(mix.opened(DayOfWeek.MONDAY, 12)).isEqualTo(1);
    assertThat(mix.opened(DayOfWeek.SUNDAY, 23)).isEqualTo(1);
    assertThat(mix.openedByCategory()).isEqualTo(Map.of("bug", 1L, TicketMix.COMPLAINT, 1L));
    assertThat(mix.complainingAccounts()).containsExactly("beta");
    assertThat(mix.firstResponses(DayOfWeek.SUNDAY)[3]).isEqualTo(1);
    assertThat(mix.firstResponseSeconds(DayOfWeek.SUNDAY)).isEqualTo(2_400);
    assertThat(mix.firstResponses(23)[3]).isEqualTo(1);
    assertThat(mix.firstResponseSeconds(DayOfWeek.MONDAY)).isZero(); // t2 unanswered
  }

  @Test
  void shouldCountATicketWithoutACategoryAsNone() {
    TicketMix mix = TicketMix.of(List.of(
        ticket("acme", "t1", "2026-03-02T12:00:00Z", null, "2026-03-02T12:00:00Z", null)));

    assertThat(mix.openedByCategory()).isEqualTo(Map.of(TicketMix.UNCATEGORISED, 1L));
    assertThat(mix.complainingAccounts()).isEmpty();
  }

  private static KeyValue<String, StoredAgentTicket> ticket(String account, String ticketId, String openedAt,
      String firstReplyAt, String lastStepAt, String category) {
    StoredAgentTicket ticket = TicketAttribution.newTicket();
    ticket.setOpenedAt(Instant.parse(openedAt).toEpochMilli());
    ticket.setFirstReplyAt(firstReplyAt == null ? null : Instant.parse(firstReplyAt).toEpochMilli());
    ticket.setLastStepAt(Instant.parse(lastStepAt).toEpochMilli());
    ticket.setCategory(category);
    return KeyValue.pair(account + '\u001F' + ticketId, ticket);
  }
}
