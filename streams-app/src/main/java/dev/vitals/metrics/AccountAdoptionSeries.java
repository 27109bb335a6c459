package dev.vitals.metrics;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AdoptionValues;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The per-account onboarding and help-article series, exported with the account's other per-account series (and
 * under the same cap): the onboarding board's list of accounts still onboarding and how long they have been at it.
 */
final class AccountAdoptionSeries {
  private AccountAdoptionSeries() {}

  static void exportTo(AccountHealth health, Labels labels, MetricFamilies out) {
    AdoptionValues adoption = health.getAdoption();
    if (adoption == null) {
      return;
    }
    if (adoption.getStillOnboarding() && adoption.getOnboardingDays() != null) {
      out.gauge("vitals_account_onboarding_seconds",
          "How long the account has been onboarding without completing, from its subscription's start (whole days)",
          labels, adoption.getOnboardingDays() * 86_400.0);
    }
    if (adoption.getTimeToOnboardSeconds() != null) {
      out.gauge("vitals_account_time_to_onboard_seconds", "Subscription start to onboarding-complete", labels,
          adoption.getTimeToOnboardSeconds());
    }
    if (adoption.getTimeToValueSeconds() != null) {
      out.gauge("vitals_account_time_to_value_seconds",
          "Subscription start to the day every key feature had been used", labels, adoption.getTimeToValueSeconds());
    }
    if (adoption.getDocViewsPerActiveUser30d() != null) {
      out.gauge("vitals_account_doc_views_per_active_user", "Help-article views per active user, last 30 days",
          labels, adoption.getDocViewsPerActiveUser30d());
    }
  }
}
