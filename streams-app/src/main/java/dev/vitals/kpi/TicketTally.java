package dev.vitals.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ticket counts and durations over a window, before they become medians and shares: tallies of several accounts
 * add up exactly, so the portfolio medians are taken over every ticket, not over per-account medians.
 */
final class TicketTally {
  int open;
  int escalatedOpen;
  int opened;
  final List<Duration> firstResponses = new ArrayList<>();
  final List<Duration> resolutions = new ArrayList<>();
  final int[] resolvedByContacts = new int[3];
  int firstContactResolved;

  void add(TicketTally other) {
    open += other.open;
    escalatedOpen += other.escalatedOpen;
    opened += other.opened;
    firstResponses.addAll(other.firstResponses);
    resolutions.addAll(other.resolutions);
    for (int i = 0; i < resolvedByContacts.length; i++) {
      resolvedByContacts[i] += other.resolvedByContacts[i];
    }
    firstContactResolved += other.firstContactResolved;
  }

  int resolved() {
    return resolvedByContacts[0] + resolvedByContacts[1] + resolvedByContacts[2];
  }

  SupportKpis kpis() {
    int resolved = resolved();
    return new SupportKpis(open, escalatedOpen, opened, Median.of(firstResponses), Median.of(resolutions),
        resolved == 0 ? null : (double) firstContactResolved / resolved,
        resolved, resolvedByContacts[0], resolvedByContacts[1], resolvedByContacts[2]);
  }
}
