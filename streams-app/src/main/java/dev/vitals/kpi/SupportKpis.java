package dev.vitals.kpi;

import java.time.Duration;

/**
 * Support KPIs (SPEC §3), windows trailing from the account's latest event time.
 *
 * @param openTickets tickets whose latest event is not RESOLVED
 * @param escalatedOpenTickets open tickets that were ESCALATED at some point
 * @param ticketsOpened30d tickets OPENED in the last 30 days
 * @param firstResponseMedian median OPENED → first AGENT_REPLIED over tickets opened in the last 30 days
 *     that have a reply; null when none
 * @param resolutionMedian median OPENED → final RESOLVED over tickets resolved in the last 30 days; null when none
 * @param fcr share of tickets resolved in the last 30 days with at most one AGENT_REPLIED and never REOPENED
 * @param ticketsResolved30d tickets whose final RESOLVED is in the last 30 days
 * @param resolvedOnFirstContact of those, resolved with at most one agent reply
 * @param resolvedOnSecondContact of those, resolved with exactly two agent replies
 * @param resolvedOnThirdPlusContact of those, resolved with three or more agent replies
 */
public record SupportKpis(
    int openTickets,
    int escalatedOpenTickets,
    int ticketsOpened30d,
    Duration firstResponseMedian,
    Duration resolutionMedian,
    Double fcr,
    int ticketsResolved30d,
    int resolvedOnFirstContact,
    int resolvedOnSecondContact,
    int resolvedOnThirdPlusContact) {

  /** True when the account has any ticket inside the retained history. */
  public boolean hasData() {
    return openTickets > 0 || ticketsOpened30d > 0 || ticketsResolved30d > 0;
  }
}
