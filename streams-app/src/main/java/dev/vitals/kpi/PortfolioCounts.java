package dev.vitals.kpi;

import java.util.List;
import java.util.Map;

/**
 * The counts and sums of one segment (or the whole portfolio) that its {@link SegmentKpis} are computed from, as of
 * one instant and over one period. Every field adds up over accounts, so the counts of several instances, each over
 * the accounts it owns, merge into exactly the counts of one pass over every account: that is how the live
 * {@code GET /kpis} fans out and still gives {@code replay}'s numbers. Durations are whole milliseconds (event times
 * are), so they travel between instances without rounding.
 *
 * @param resolvedByContacts tickets resolved in the last 30 days on the 1st, 2nd and 3rd-or-later contact
 * @param movementCents MRR movements in the period by kind (lower-case kind name)
 * @param periodStartMrrCents MRR at the start of the period of the accounts paying then (GRR's and NRR's base)
 * @param accountsAtStart accounts subscribed (MRR above 0, not cancelled) at the start of the period
 * @param accountsAtEnd accounts subscribed at the end of it (as of the report)
 * @param churnedAccounts of {@code accountsAtStart}, those no longer subscribed at the end
 * @param newAccounts accounts subscribed at the end, not at the start, whose first subscription is in the period
 * @param reactivatedAccounts accounts subscribed at the end, not at the start, that had been subscribed before
 * @param renewalsDue accounts whose renewal fell due in the period (or that renewed in it)
 * @param renewed of those, the accounts with a RENEWED event in the period
 * @param loyalAccounts of {@code accountsAtEnd}, those that have renewed at least once
 * @param accountsAtStart90d accounts subscribed 90 days before, for CLV's expected lifetime
 * @param churnedAccounts90d of those, the ones not subscribed at the end
 * @param onboarding the onboarding and adoption counts
 * @param tickets the ticket analytics counts (volume by weekday and hour, categories, complaints)
 */
public record PortfolioCounts(
    int accounts,
    int npsRespondents,
    int npsPromoters,
    int npsDetractors,
    int csatAnswers,
    int csatSatisfied,
    int cesAnswers,
    long cesSum,
    int openTickets,
    List<Integer> resolvedByContacts,
    int firstContactResolved,
    List<Long> firstResponseMillis,
    List<Long> resolutionMillis,
    long mrrCents,
    int payingAccounts,
    Map<String, Long> movementCents,
    long periodStartMrrCents,
    long retainedExpansionCents,
    long retainedContractionCents,
    long retainedChurnCents,
    int accountsAtStart,
    int accountsAtEnd,
    int churnedAccounts,
    int newAccounts,
    int reactivatedAccounts,
    int renewalsDue,
    int renewed,
    int loyalAccounts,
    int activeUsers,
    int powerUsers,
    int accountsAtStart90d,
    int churnedAccounts90d,
    Map<String, Integer> accountsByBand,
    OnboardingCounts onboarding,
    TicketAnalyticsCounts tickets) {

  /** Tickets resolved in the last 30 days. */
  public int resolvedTickets() {
    return resolvedByContacts.stream().mapToInt(Integer::intValue).sum();
  }
}
