package dev.vitals.metrics;

import dev.vitals.alert.AlertRules;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AccountKpiValues;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthComponents;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Comparator;
import java.util.List;

/**
 * Per-account series (labels account, segment, csm; never names or free text), for the at-risk list, the account
 * drill-down and paging. At most {@code cap} accounts, lowest scores first, because series are what a Prometheus
 * pays for; accounts left out still count in {@link SegmentTotals}, and any account with an open alert still
 * exports its alerts, so the cap never silences a page.
 */
final class AccountSeries {
  private final int cap;

  AccountSeries(int cap) {
    this.cap = cap;
  }

  void exportTo(List<OwnedAccount> accounts, MetricFamilies out) {
    List<OwnedAccount> lowestFirst = accounts.stream()
        .sorted(Comparator.comparingDouble((OwnedAccount a) -> a.health().getScore())
            .thenComparing(a -> a.health().getAccountId()))
        .toList();
    for (int i = 0; i < lowestFirst.size(); i++) {
      OwnedAccount account = lowestFirst.get(i);
      Labels labels = Labels.of("account", account.health().getAccountId(), "segment", account.segment(),
          "csm", account.csm());
      if (i < cap) {
        exportAccount(account.health(), labels, out);
      }
      exportAlerts(account.health(), labels, out);
    }
    out.gauge("vitals_account_series_cap", "Accounts this instance exports per-account series for, at most",
        Labels.EMPTY, cap);
    out.gauge("vitals_account_series_omitted", "Accounts owned by this instance but left out by the cap",
        Labels.EMPTY, Math.max(0, lowestFirst.size() - cap));
  }

  private static void exportAccount(AccountHealth health, Labels labels, MetricFamilies out) {
    out.gauge("vitals_account_health_score", "The account's 0-100 health score", labels, health.getScore());
    out.gauge("vitals_account_health_band", "1 for the account's current health band",
        labels.add("band", health.getBand().name()), 1);
    HealthComponents components = health.getComponents();
    component(out, labels, "usage", components.getUsage());
    component(out, labels, "support", components.getSupport());
    component(out, labels, "financial", components.getFinancial());
    component(out, labels, "sentiment", components.getSentiment());
    out.gauge("vitals_account_coverage_ratio", "Share of the scoring model that had data (0-1)", labels,
        health.getCoverage());
    optional(out, "vitals_account_score_delta_7d", "Score now minus the closing score 7 days earlier", labels,
        health.getDelta7d());
    AccountKpiValues kpis = health.getKpis();
    out.gauge("vitals_account_active_users_30d", "Active users in the last 30 days", labels,
        kpis.getActiveUsers30d());
    optional(out, "vitals_account_license_utilization_ratio", "Active users per seat", labels,
        kpis.getLicenseUtilization());
    optional(out, "vitals_account_usage_trend_ratio",
        "Last 7 days' usage against the average week of the 28 days before", labels, kpis.getUsageTrend());
    optional(out, "vitals_account_key_feature_adoption_ratio", "Share of key features used in the last 30 days",
        labels, kpis.getKeyFeatureAdoption());
    optional(out, "vitals_account_api_error_ratio", "Failed API calls per API call, last 7 days", labels,
        kpis.getApiErrorRate());
    optional(out, "vitals_account_time_since_last_usage_seconds",
        "Time from the last usage event to the account's latest event (whole days)", labels,
        days(kpis.getDaysSinceLastUsage()));
    optional(out, "vitals_account_nps", "NPS (-100 to 100), last 90 days", labels, kpis.getNps());
    optional(out, "vitals_account_csat_ratio", "Share of CSAT answers of 4 or 5, last 90 days", labels,
        kpis.getCsat() == null ? null : kpis.getCsat() / 100);
    out.gauge("vitals_account_tickets_open", "Open tickets", labels, kpis.getOpenTickets());
    optional(out, "vitals_account_first_response_median_seconds",
        "Median first response of tickets opened in the last 30 days", labels,
        kpis.getFirstResponseMedianSeconds());
    optional(out, "vitals_account_fcr_ratio", "First contact resolution of tickets resolved in the last 30 days",
        labels, kpis.getFcr());
    optional(out, "vitals_account_mrr_cents", "MRR now, in cents", labels, kpis.getMrrCents());
    out.gauge("vitals_account_payment_failures_30d", "Payment failures in the last 30 days not followed by a payment",
        labels, kpis.getPaymentFailures30d());
    optional(out, "vitals_account_time_to_renewal_seconds",
        "Time from the account's latest event to its renewal date (whole days)", labels,
        days(kpis.getDaysToRenewal()));
    AccountAdoptionSeries.exportTo(health, labels, out);
  }

  private static void exportAlerts(AccountHealth health, Labels labels, MetricFamilies out) {
    for (AlertRule rule : health.getOpenAlerts()) {
      out.gauge("vitals_account_alert_open", "1 per open churn-risk alert of the account",
          labels.add("rule", rule.name()).add("severity", AlertRules.severityOf(rule).name()), 1);
    }
  }

  private static void component(MetricFamilies out, Labels labels, String component, Double score) {
    optional(out, "vitals_account_component_score", "The account's component scores (0-100)",
        labels.add("component", component), score);
  }

  /** Whole days in seconds, Prometheus' base unit (Grafana shows them as days again). */
  private static Long days(Integer days) {
    return days == null ? null : days * 86_400L;
  }

  /** A KPI without data is no series rather than a made-up zero. */
  private static void optional(MetricFamilies out, String name, String help, Labels labels, Number value) {
    if (value != null) {
      out.gauge(name, help, labels, value.doubleValue());
    }
  }
}
