package dev.vitals.metrics;

import static dev.vitals.testing.TestEvents.apiCall;
import static dev.vitals.testing.TestEvents.docViewed;
import static dev.vitals.testing.TestEvents.featureUsed;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.milestone;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.survey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.testing.MetricsScrape;
import dev.vitals.testing.PipelineDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The onboarding and adoption series, counted per segment from the adoption values of each account's health
 * record, against counts worked out by hand. Three SMB accounts with key features reports and alerts, each measured
 * as of its login on 05-01: "quick" onboarded in 10 days, "slow" in 40 (not activated), "stuck" still at it after
 * 31 days; plus "old", onboarded before its subscription started (no journey).
 */
class AdoptionMetricsTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldCountJourneysActivationTimesAndKeyFeatureUse() {
    for (String account : new String[] {"quick", "slow", "stuck", "old"}) {
      pipeline.send(profile(account, "2026-02-01T00:00:00Z", Segment.SMB, "reports", "alerts").build());
    }
    pipeline.send(
        subscribed("quick", "2026-03-01T00:00:00Z", 1_000, 5, "2027-03-01"),
        apiCall("quick", "2026-03-02T00:00:00Z", 3),
        milestone("quick", "2026-03-05T00:00:00Z", "data-connected"),
        milestone("quick", "2026-03-11T00:00:00Z", "onboarding-complete"),
        featureUsed("quick", "2026-04-20T00:00:00Z", "ana", "reports"),
        featureUsed("quick", "2026-04-21T00:00:00Z", "ana", "alerts"),
        subscribed("slow", "2026-03-01T00:00:00Z", 1_000, 5, "2027-03-01"),
        milestone("slow", "2026-04-10T00:00:00Z", "onboarding-complete"),
        featureUsed("slow", "2026-04-25T00:00:00Z", "bo", "reports"),
        subscribed("stuck", "2026-03-31T00:00:00Z", 1_000, 5, "2027-03-31"),
        milestone("old", "2026-02-01T00:00:00Z", "onboarding-complete"),
        subscribed("old", "2026-03-01T00:00:00Z", 1_000, 5, "2027-03-01"));
    for (String account : new String[] {"quick", "slow", "stuck", "old"}) {
      pipeline.send(login(account, "2026-05-01T00:00:00Z", "u-" + account),
          docViewed(account, "2026-05-01T00:00:00Z", "u-" + account, "getting-started"));
    }
    pipeline.flush();

    MetricsScrape scrape = scrape();

    assertThat(scrape.value("vitals_onboarding_journeys", "segment", "SMB")).isEqualTo(3);
    assertThat(scrape.value("vitals_onboarding_completed", "segment", "SMB")).isEqualTo(2);
    assertThat(scrape.value("vitals_activation_decided", "segment", "SMB")).isEqualTo(3);
    assertThat(scrape.value("vitals_activated", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_onboarding_outcomes", "segment", "SMB")).isEqualTo(1);
    // 10 days (in (7d, 14d]) and 40 days (in (30d, 45d]): 50 days in all
    assertThat(scrape.value("vitals_time_to_onboard_seconds_count", "segment", "SMB")).isEqualTo(2);
    assertThat(scrape.value("vitals_time_to_onboard_seconds_sum", "segment", "SMB")).isEqualTo(50 * 86_400);
    assertThat(scrape.value("vitals_time_to_onboard_seconds_bucket", "segment", "SMB", "le", "1209600.0"))
        .isEqualTo(1);
    assertThat(scrape.value("vitals_time_to_onboard_seconds_bucket", "segment", "SMB", "le", "3888000.0"))
        .isEqualTo(2);
    // quick's API call after 1 day; quick reached value when it first used alerts, 51 days in
    assertThat(scrape.value("vitals_time_to_first_api_call_seconds_sum", "segment", "SMB")).isEqualTo(86_400);
    assertThat(scrape.value("vitals_time_to_value_seconds_sum", "segment", "SMB")).isEqualTo(51 * 86_400);
    // stuck: 31 days and still onboarding
    assertThat(scrape.value("vitals_onboarding_in_progress_seconds_count", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_onboarding_in_progress_seconds_sum", "segment", "SMB")).isEqualTo(31 * 86_400);
    assertThat(scrape.value("vitals_account_onboarding_seconds", "account", "stuck")).isEqualTo(31 * 86_400);
    // reports: listed by 4, used in 30 days by quick and slow; alerts: used by quick only
    assertThat(scrape.value("vitals_key_feature_accounts", "segment", "SMB", "feature", "reports")).isEqualTo(4);
    assertThat(scrape.value("vitals_key_feature_used_30d", "segment", "SMB", "feature", "reports")).isEqualTo(2);
    assertThat(scrape.value("vitals_key_feature_used_30d", "segment", "SMB", "feature", "alerts")).isEqualTo(1);
    // quick: one article view by its two active users (ana and u-quick); old: one by its one
    assertThat(scrape.value("vitals_account_doc_views_per_active_user", "account", "quick")).isEqualTo(0.5);
    assertThat(scrape.value("vitals_account_doc_views_per_active_user", "account", "old")).isEqualTo(1.0);
  }

  @Test
  void shouldSumEachArticlesViewsAndRatingsOverTheAccounts() {
    pipeline.send(
        docViewed("a", "2026-05-01T10:00:00Z", "ana", "troubleshoot-sync"),
        docViewed("a", "2026-05-02T10:00:00Z", "ana", "troubleshoot-sync"),
        docViewed("b", "2026-05-02T10:00:00Z", "bo", "troubleshoot-sync"),
        docViewed("b", "2026-05-02T11:00:00Z", "bo", "getting-started"),
        survey("a", "2026-05-02T10:05:00Z", "ana", SurveyKind.RESOURCE, 2).setTouchpoint("troubleshoot-sync").build(),
        survey("b", "2026-05-02T10:05:00Z", "bo", SurveyKind.RESOURCE, 1).setTouchpoint("troubleshoot-sync").build(),
        survey("b", "2026-05-02T11:05:00Z", "bo", SurveyKind.RESOURCE, 5).setTouchpoint("getting-started").build())
        .flush();

    MetricsScrape scrape = scrape();

    assertThat(scrape.value("vitals_article_views_30d", "article", "troubleshoot-sync")).isEqualTo(3);
    assertThat(scrape.value("vitals_article_ratings_90d", "article", "troubleshoot-sync")).isEqualTo(2);
    assertThat(scrape.value("vitals_article_rating_points_90d", "article", "troubleshoot-sync")).isEqualTo(3);
    assertThat(scrape.value("vitals_article_views_30d", "article", "getting-started")).isEqualTo(1);
    assertThat(scrape.value("vitals_article_rating_points_90d", "article", "getting-started")).isEqualTo(5);
  }

  private MetricsScrape scrape() {
    OwnedAccounts owned = PipelineDriverStores.accounts(pipeline);
    return MetricsScrape.of(new StateMetrics(owned, 100));
  }
}
