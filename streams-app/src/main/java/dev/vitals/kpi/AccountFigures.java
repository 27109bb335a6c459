package dev.vitals.kpi;

/**
 * The counts and sums behind an account's ratio KPIs that its health record does not carry: NPS, CSAT, CES, FCR and
 * the ticket medians of several accounts cannot be averaged, but these add up exactly (SPEC §6). The metrics export
 * their sums per segment, and Prometheus' recording rules divide. Windows as the KPIs', as of the same instant.
 *
 * @param resolvedByContacts tickets resolved in the window on the 1st, 2nd and 3rd-or-later contact
 * @param firstContactResolved of those, resolved with at most one reply and never reopened (FCR's numerator)
 * @param revenue MRR movements over {@link KpiWindows#MRR_CHANGE}
 */
public record AccountFigures(
    int npsPromoters,
    int npsPassives,
    int npsDetractors,
    int csatSatisfied,
    long cesSum,
    int[] resolvedByContacts,
    int firstContactResolved,
    DurationHistogram firstResponses,
    DurationHistogram resolutions,
    RevenueMovements revenue,
    long apiErrors7d) {

  /** The figures of one account from the tallies its KPIs were computed from (see AccountState#measuredAt). */
  static AccountFigures of(SurveyTally surveys, TicketTally tickets, RevenueMovements revenue, long apiErrors7d) {
    return new AccountFigures(
        surveys.npsPromoters(),
        surveys.npsRespondents() - surveys.npsPromoters() - surveys.npsDetractors(),
        surveys.npsDetractors(),
        surveys.csatSatisfied(),
        surveys.cesSum(),
        tickets.resolvedByContacts.clone(),
        tickets.firstContactResolved,
        DurationHistogram.of(tickets.firstResponses),
        DurationHistogram.of(tickets.resolutions),
        revenue,
        apiErrors7d);
  }
}
