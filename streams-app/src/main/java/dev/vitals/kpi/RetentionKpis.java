package dev.vitals.kpi;

/**
 * Logo and revenue retention of one segment (or overall) over the report's period P, with the counts beside each
 * rate; null rates have no base (no account subscribed at the start, no renewal due). Definitions in
 * {@code vitals/kpis.yaml} (docs/kpis.md) and docs/scoring.md, "Portfolio KPIs".
 *
 * @param logoChurn churnedAccounts / accountsAtStart
 * @param retentionRate 1 − logoChurn
 * @param netCustomerGrowth (newAccounts + reactivatedAccounts − churnedAccounts) / accountsAtStart, which is
 *     (accountsAtEnd − accountsAtStart) / accountsAtStart
 * @param renewalRate renewed / renewalsDue
 * @param revenueChurnCents contraction and churn MRR in P of the accounts paying at its start
 * @param revenueChurn revenueChurnCents / periodStartMrrCents (so 1 − GRR)
 * @param loyalAccountShare loyalAccounts / accountsAtEnd
 */
public record RetentionKpis(
    int accountsAtStart,
    int accountsAtEnd,
    int churnedAccounts,
    Double logoChurn,
    Double retentionRate,
    int newAccounts,
    int reactivatedAccounts,
    Double netCustomerGrowth,
    int renewalsDue,
    int renewed,
    Double renewalRate,
    long periodStartMrrCents,
    long revenueChurnCents,
    Double revenueChurn,
    int loyalAccounts,
    Double loyalAccountShare) {

  static RetentionKpis of(PortfolioCounts counts) {
    int atStart = counts.accountsAtStart();
    Double logoChurn = ratio(counts.churnedAccounts(), atStart);
    long revenueChurnCents = counts.retainedContractionCents() + counts.retainedChurnCents();
    return new RetentionKpis(
        atStart,
        counts.accountsAtEnd(),
        counts.churnedAccounts(),
        logoChurn,
        logoChurn == null ? null : 1 - logoChurn,
        counts.newAccounts(),
        counts.reactivatedAccounts(),
        ratio(counts.newAccounts() + counts.reactivatedAccounts() - counts.churnedAccounts(), atStart),
        counts.renewalsDue(),
        counts.renewed(),
        ratio(counts.renewed(), counts.renewalsDue()),
        counts.periodStartMrrCents(),
        revenueChurnCents,
        ratio(revenueChurnCents, counts.periodStartMrrCents()),
        counts.loyalAccounts(),
        ratio(counts.loyalAccounts(), counts.accountsAtEnd()));
  }

  static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
