package dev.vitals.scoring;

import dev.vitals.kpi.FinancialKpis;
import java.util.List;
import java.util.function.Supplier;

/** Reads the financial factors' inputs from {@link FinancialKpis}. */
final class FinancialObservations {
  private FinancialObservations() {}

  static List<Observation> of(FinancialKpis k) {
    return List.of(cancellation(k), paymentFailures(k), mrrChange(k), renewal(k));
  }

  private static Observation cancellation(FinancialKpis k) {
    return new Observation(FactorId.CANCELLATION, k.cancelled() ? 1.0 : 0.0, () -> subscriptionInWords(k));
  }

  private static String subscriptionInWords(FinancialKpis k) {
    if (k.cancelled()) {
      return "subscription cancelled";
    }
    return k.subscribed()
        ? "subscription active, MRR " + Texts.money(k.mrrCents())
        : "no active subscription (MRR 0), not cancelled";
  }

  private static Observation paymentFailures(FinancialKpis k) {
    int n = k.paymentFailures30d();
    Supplier<String> detail = () -> (n == 0
        ? "no payment failures" : Texts.count(n, "payment failure", "payment failures"))
        + " in 30 days";
    return new Observation(FactorId.PAYMENT_FAILURES, (double) n, detail);
  }

  /** Relative change; unknown when there was no MRR 30 days ago to compare with (new or reactivated accounts). */
  private static Observation mrrChange(FinancialKpis k) {
    Long before = k.mrrCents30dAgo();
    if (before == null || before <= 0 || k.mrrCents() == null) {
      return Observation.absent(FactorId.MRR_CHANGE_30D);
    }
    double change = (double) k.mrrCents() / before - 1;
    Supplier<String> detail = () -> k.mrrCents().equals(before)
        ? "MRR unchanged in 30 days (" + Texts.money(before) + ")"
        : "MRR " + (change > 0 ? "+" : "") + Texts.percent(change) + " in 30 days ("
            + Texts.money(before) + " to " + Texts.money(k.mrrCents()) + ")";
    return new Observation(FactorId.MRR_CHANGE_30D, change, detail);
  }

  private static Observation renewal(FinancialKpis k) {
    Integer days = k.daysToRenewal();
    if (days == null) {
      return Observation.absent(FactorId.RENEWAL_PROXIMITY);
    }
    return new Observation(FactorId.RENEWAL_PROXIMITY, days.doubleValue(), () -> renewalInWords(days, k));
  }

  private static String renewalInWords(int days, FinancialKpis k) {
    String when;
    if (days > 0) {
      when = "renewal in " + Texts.count(days, "day", "days");
    } else if (days == 0) {
      when = "renewal today";
    } else {
      when = "renewal overdue by " + Texts.count(-days, "day", "days");
    }
    return k.renewalDate() == null ? when : when + " (" + k.renewalDate() + ")";
  }
}
