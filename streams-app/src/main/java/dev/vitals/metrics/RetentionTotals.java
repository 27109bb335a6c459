package dev.vitals.metrics;

import dev.vitals.state.stored.StoredRetention;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Map;
import java.util.TreeMap;

/**
 * The retention series of docs/metrics.md, per segment: counts of accounts, never rates, from each owned account's
 * retention answers as of its last health record, so that the recording rules compute logo churn, retention, net
 * customer growth, renewal rate, loyal accounts and CLV's churn rate across instances. Every series of a segment
 * is exported, zeros included.
 */
final class RetentionTotals {
  private static final String WON_HELP = "Accounts subscribed now and not 30 days ago, by kind (new: first subscription; reactivation)";
  private final Map<String, long[]> segments = new TreeMap<>();

  private static final int SUBSCRIBED = 0;
  private static final int SUBSCRIBED_30D_AGO = 1;
  private static final int CHURNED_30D = 2;
  private static final int WON_NEW_30D = 3;
  private static final int WON_BACK_30D = 4;
  private static final int RENEWALS_DUE_30D = 5;
  private static final int RENEWED_30D = 6;
  private static final int LOYAL = 7;
  private static final int SUBSCRIBED_90D_AGO = 8;
  private static final int CHURNED_90D = 9;

  void add(OwnedAccount account) {
    long[] counts = segments.computeIfAbsent(account.segment(), s -> new long[10]);
    StoredRetention r = account.retention();
    if (r == null) {
      return;
    }
    boolean won = r.getSubscribedNow() && !r.getSubscribed30dAgo();
    counts[SUBSCRIBED] += one(r.getSubscribedNow());
    counts[SUBSCRIBED_30D_AGO] += one(r.getSubscribed30dAgo());
    counts[CHURNED_30D] += one(r.getSubscribed30dAgo() && !r.getSubscribedNow());
    counts[WON_NEW_30D] += one(won && r.getFirstSubscribed30d());
    counts[WON_BACK_30D] += one(won && !r.getFirstSubscribed30d());
    counts[RENEWALS_DUE_30D] += one(r.getRenewalDue30d());
    counts[RENEWED_30D] += one(r.getRenewalDue30d() && r.getRenewed30d());
    counts[LOYAL] += one(r.getSubscribedNow() && r.getEverRenewed());
    counts[SUBSCRIBED_90D_AGO] += one(r.getSubscribed90dAgo());
    counts[CHURNED_90D] += one(r.getSubscribed90dAgo() && !r.getSubscribedNow());
  }

  void exportTo(MetricFamilies out) {
    segments.forEach((segment, counts) -> {
      Labels labels = Labels.of("segment", segment);
      out.gauge("vitals_accounts_subscribed", "Accounts subscribed now (MRR above 0, not cancelled)", labels,
          counts[SUBSCRIBED]);
      out.gauge("vitals_accounts_subscribed_30d_ago", "Accounts that were subscribed 30 days ago", labels,
          counts[SUBSCRIBED_30D_AGO]);
      out.gauge("vitals_accounts_churned_30d", "Accounts subscribed 30 days ago and not now (lost logos)", labels,
          counts[CHURNED_30D]);
      out.gauge("vitals_accounts_won_30d", WON_HELP, labels.add("kind", "new"), counts[WON_NEW_30D]);
      out.gauge("vitals_accounts_won_30d", WON_HELP, labels.add("kind", "reactivation"), counts[WON_BACK_30D]);
      out.gauge("vitals_renewals_due_30d", "Accounts whose renewal fell due in the last 30 days (or that renewed)",
          labels, counts[RENEWALS_DUE_30D]);
      out.gauge("vitals_renewals_30d", "Of the renewals due in the last 30 days, those renewed", labels,
          counts[RENEWED_30D]);
      out.gauge("vitals_accounts_loyal", "Subscribed accounts that have renewed at least once", labels,
          counts[LOYAL]);
      out.gauge("vitals_accounts_subscribed_90d_ago", "Accounts that were subscribed 90 days ago", labels,
          counts[SUBSCRIBED_90D_AGO]);
      out.gauge("vitals_accounts_churned_90d", "Accounts subscribed 90 days ago and not now", labels,
          counts[CHURNED_90D]);
    });
  }

  private static int one(boolean yes) {
    return yes ? 1 : 0;
  }
}
