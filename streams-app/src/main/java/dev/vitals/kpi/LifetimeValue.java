package dev.vitals.kpi;

/**
 * Customer lifetime value (SPEC §3): ARPU × gross margin × expected lifetime in months, where the lifetime is
 * 1 / the monthly logo churn rate of the trailing 90 days (a third of the 90-day logo churn), capped at
 * {@value #MAX_LIFETIME_MONTHS} months; no churn at all gives the cap. Null without paying accounts, or without any
 * account subscribed 90 days ago (no churn rate to speak of).
 *
 * @param monthlyLogoChurn churnedAccounts90d / accountsAtStart90d / 3
 */
public record LifetimeValue(Long clvCents, double grossMargin, Double monthlyLogoChurn,
    Double expectedLifetimeMonths, int accountsAtStart90d, int churnedAccounts90d) {

  public static final double MAX_LIFETIME_MONTHS = 60;

  static LifetimeValue of(PortfolioCounts counts, double grossMargin) {
    Double monthlyChurn = counts.accountsAtStart90d() == 0 ? null
        : (double) counts.churnedAccounts90d() / counts.accountsAtStart90d() / 3;
    Double lifetime = monthlyChurn == null ? null
        : monthlyChurn == 0 ? MAX_LIFETIME_MONTHS : Math.min(MAX_LIFETIME_MONTHS, 1 / monthlyChurn);
    Long clv = lifetime == null || counts.payingAccounts() == 0 ? null
        : Math.round((double) counts.mrrCents() / counts.payingAccounts() * grossMargin * lifetime);
    return new LifetimeValue(clv, grossMargin, monthlyChurn, lifetime, counts.accountsAtStart90d(),
        counts.churnedAccounts90d());
  }
}
