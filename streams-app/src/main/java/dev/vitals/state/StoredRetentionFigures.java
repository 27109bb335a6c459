package dev.vitals.state;

import dev.vitals.kpi.BillingLedger;
import dev.vitals.kpi.KpiPeriod;
import dev.vitals.kpi.RetentionFigures;
import dev.vitals.state.stored.StoredRetention;
import java.time.Instant;

/**
 * An account's retention answers in their stored form: over the trailing 30 days (logo churn, growth, renewals)
 * and whether it was subscribed 90 days ago (CLV's churn rate), from its billing ledger as of its health record.
 * Seven booleans: bounded whatever the account's history.
 */
public final class StoredRetentionFigures {
  private StoredRetentionFigures() {}

  public static StoredRetention of(BillingLedger billing, Instant asOf) {
    RetentionFigures month = RetentionFigures.of(billing, asOf, KpiPeriod.MONTH.duration());
    return StoredRetention.newBuilder()
        .setSubscribedNow(month.subscribedAtEnd())
        .setSubscribed30dAgo(month.subscribedAtStart())
        .setFirstSubscribed30d(month.firstSubscribedInPeriod())
        .setRenewalDue30d(month.renewalDue())
        .setRenewed30d(month.renewed())
        .setEverRenewed(month.everRenewed())
        .setSubscribed90dAgo(billing.subscribedAt(asOf.minus(KpiPeriod.CLV_CHURN_WINDOW.duration())))
        .build();
  }
}
