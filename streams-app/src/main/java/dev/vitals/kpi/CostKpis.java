package dev.vitals.kpi;

import dev.vitals.schema.CostCentre;
import java.util.Map;

/**
 * The cost KPIs of SPEC §3, for the whole portfolio (spend is not booked per segment), from the months of
 * {@code vitals.costs} that closed in the report's period; a centre's monthly spend is its mean over those months.
 * Null when an input is missing (no month reported, nobody won, no MRR, no resolved ticket).
 *
 * @param cacCents ACQUISITION spend / accounts won in the same months (the entries' {@code newAccounts})
 * @param clvToCac the portfolio's CLV / CAC
 * @param costToRetainCents monthly SUCCESS spend / accounts subscribed at the end of the period
 * @param supportCostShareOfMrr monthly SUPPORT spend / MRR
 * @param supportCostPerResolvedTicketCents monthly SUPPORT spend / tickets resolved in the last 30 days (the
 *     ticket ledger keeps a month of tickets, so "that month" is the trailing 30 days)
 */
public record CostKpis(
    Map<String, Long> spendCents,
    Map<String, Integer> monthsReported,
    int accountsWon,
    Long cacCents,
    Double clvToCac,
    Long costToRetainCents,
    Double supportCostShareOfMrr,
    Long supportCostPerResolvedTicketCents) {

  static CostKpis of(CostTally costs, PortfolioCounts overall, LifetimeValue clv) {
    Long cac = costs.newAccounts() == 0 || costs.months().get(CostCentre.ACQUISITION.name()) == 0 ? null
        : Math.round((double) costs.spendCentsOf(CostCentre.ACQUISITION) / costs.newAccounts());
    Double success = costs.monthlySpendCents(CostCentre.SUCCESS);
    Double support = costs.monthlySpendCents(CostCentre.SUPPORT);
    return new CostKpis(
        costs.spendCents(),
        costs.months(),
        costs.newAccounts(),
        cac,
        cac == null || cac == 0 || clv.clvCents() == null ? null : (double) clv.clvCents() / cac,
        success == null || overall.accountsAtEnd() == 0 ? null : Math.round(success / overall.accountsAtEnd()),
        support == null || overall.mrrCents() == 0 ? null : support / overall.mrrCents(),
        support == null || overall.resolvedTickets() == 0 ? null
            : Math.round(support / overall.resolvedTickets()));
  }
}
