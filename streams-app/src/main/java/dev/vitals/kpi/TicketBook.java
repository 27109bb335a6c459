package dev.vitals.kpi;

import dev.vitals.kpi.TicketHistory.TicketLifecycle;
import dev.vitals.schema.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An account's support tickets by ticketId. */
public final class TicketBook {
  /** An open ticket with no step for this long is taken as abandoned (see {@link #prune}). */
  static final Duration ABANDONED_AFTER = Duration.ofDays(365);

  public Map<String, TicketHistory> tickets = new HashMap<>();

  public TicketBook() {}

  void record(TicketEvent event) {
    tickets.computeIfAbsent(event.getTicketId(), id -> new TicketHistory()).record(event);
  }

  SupportKpis kpis(Instant asOf) {
    return tally(asOf).kpis();
  }

  TicketTally tally(Instant asOf) {
    Instant from = asOf.minus(KpiWindows.TICKETS);
    TicketTally tally = new TicketTally();
    for (TicketHistory history : tickets.values()) {
      TicketLifecycle ticket = history.asOf(asOf);
      if (ticket == null) {
        continue;
      }
      if (ticket.open()) {
        tally.open++;
        tally.escalatedOpen += ticket.escalated() ? 1 : 0;
      }
      if (within(ticket.openedAt(), from, asOf)) {
        tally.opened++;
        if (ticket.firstResponse() != null) {
          tally.firstResponses.add(ticket.firstResponse());
        }
      }
      if (within(ticket.resolvedAt(), from, asOf)) {
        if (ticket.resolution() != null) {
          tally.resolutions.add(ticket.resolution());
        }
        tally.resolvedByContacts[Math.min(ticket.contacts(), 3) - 1]++;
        tally.firstContactResolved += ticket.firstContactResolution() ? 1 : 0;
      }
    }
    return tally;
  }

  /**
   * Forgets tickets resolved before {@code oldest}, and open tickets without a step for {@link #ABANDONED_AFTER}
   * before it: upstream lost their resolution, and keeping them would let the book grow without bound.
   */
  void prune(Instant oldest) {
    Instant abandoned = oldest.minus(ABANDONED_AFTER);
    tickets.values().removeIf(history -> {
      Instant last = history.lastStepAt();
      TicketLifecycle ticket = history.asOf(last);
      return ticket != null && last.isBefore(ticket.open() ? abandoned : oldest);
    });
  }

  static boolean within(Instant at, Instant fromExclusive, Instant toInclusive) {
    return at != null && at.isAfter(fromExclusive) && !at.isAfter(toInclusive);
  }
}
