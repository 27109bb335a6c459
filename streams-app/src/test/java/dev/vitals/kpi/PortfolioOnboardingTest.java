package dev.vitals.kpi;

import static dev.vitals.kpi.PortfolioFixture.cancelled;
import static dev.vitals.kpi.PortfolioFixture.subscribed;
import static dev.vitals.testing.TestEvents.apiCall;
import static dev.vitals.testing.TestEvents.docViewed;
import static dev.vitals.testing.TestEvents.featureUsed;
import static dev.vitals.testing.TestEvents.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.testing.TestEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The portfolio's onboarding KPIs as of 2026-06-30 noon, worked out by hand. SMB, key features reports and alerts:
 * "fast" subscribed 06-01, onboarded 06-11 (10 days), first API call 06-03, value 06-05; "late" subscribed 05-01,
 * onboarded 06-10 (40 days, not activated); "stuck" subscribed 05-31, still onboarding after 30 days; "fresh"
 * subscribed 06-20, 10 days in (activation undecided). ENTERPRISE: "old" onboarded before it subscribed (no
 * journey, one outcome), "gone" cancelled (no journey).
 */
class PortfolioOnboardingTest {
  private final PortfolioFixture portfolio = new PortfolioFixture().given(
      keyFeatures("fast", Segment.SMB), subscribed("fast", "2026-06-01", 1_000),
      apiCall("fast", "2026-06-03T12:00:00Z", 2),
      featureUsed("fast", "2026-06-04T12:00:00Z", "ana", "reports"),
      featureUsed("fast", "2026-06-05T12:00:00Z", "ana", "alerts"),
      milestone("fast", "2026-06-11T12:00:00Z", "onboarding-complete"),
      keyFeatures("late", Segment.SMB), subscribed("late", "2026-05-01", 1_000),
      milestone("late", "2026-06-10T12:00:00Z", "onboarding-complete"),
      featureUsed("late", "2026-06-20T12:00:00Z", "bo", "reports"),
      keyFeatures("stuck", Segment.SMB), subscribed("stuck", "2026-05-31", 1_000),
      keyFeatures("fresh", Segment.SMB), subscribed("fresh", "2026-06-20", 1_000),
      keyFeatures("old", Segment.ENTERPRISE),
      milestone("old", "2026-01-01T12:00:00Z", "onboarding-complete"),
      milestone("old", "2026-01-10T12:00:00Z", "roi-validated"),
      subscribed("old", "2026-02-01", 5_000),
      keyFeatures("gone", Segment.ENTERPRISE), subscribed("gone", "2026-06-01", 5_000), cancelled("gone", "2026-06-15"));

  private static SpecificRecord keyFeatures(String account, Segment segment) {
    return TestEvents.profile(account, "2026-01-01T00:00:00Z", segment, "reports", "alerts").build();
  }

  @Test
  void shouldCountJourneysAndTheirMediansPerSegment() {
    OnboardingKpis smb = portfolio.report(30).segments().get("SMB").onboarding();

    assertThat(smb.journeys()).isEqualTo(4);
    assertThat(smb.onboarded()).isEqualTo(2);
    assertThat(smb.stillOnboarding()).isEqualTo(2);
    // still at it: fresh 10 days, stuck 30 days: median 20.0 days, longest 30
    assertThat(smb.stillOnboardingMedianDays()).isEqualTo(20.0);
    assertThat(smb.stillOnboardingLongestDays()).isEqualTo(30);
    // 10 and 40 days to onboard: median 25 days
    assertThat(smb.timeToOnboardMedianSeconds()).isEqualTo(Duration.ofDays(25).toSeconds());
    assertThat(smb.timeToFirstApiCallMedianSeconds()).isEqualTo(Duration.ofDays(2).toSeconds());
    assertThat(smb.timeToValueMedianSeconds()).isEqualTo(Duration.ofDays(4).toSeconds());
    // decided: fast (yes) and late (no); stuck is exactly 30 days in at 06-30 noon (still open), fresh 10 days
    assertThat(smb.activationDecided()).isEqualTo(2);
    assertThat(smb.activated()).isEqualTo(1);
    assertThat(smb.activationRate()).isEqualTo(0.5);
    // reports used in 30 days by fast and late, alerts by fast: of 4 accounts listing each
    assertThat(smb.keyFeatureAdoption()).isEqualTo(Map.of("alerts", 0.25, "reports", 0.5));
  }

  @Test
  void shouldFollowNoJourneyForAccountsOnboardedBeforeTheirSubscriptionOrNotSubscribed() {
    OnboardingKpis enterprise = portfolio.report(30).segments().get("ENTERPRISE").onboarding();

    assertThat(enterprise.journeys()).isZero();
    assertThat(enterprise.activationRate()).isNull();
    assertThat(enterprise.timeToOnboardMedianSeconds()).isNull();
    assertThat(enterprise.outcomesAchieved()).isEqualTo(1);
  }

  @Test
  void shouldAddTheSegmentsUpOverall() {
    OnboardingKpis overall = portfolio.report(30).overall().onboarding();

    assertThat(overall.journeys()).isEqualTo(4);
    assertThat(overall.outcomesAchieved()).isEqualTo(1);
    assertThat(overall.keyFeatureAdoption()).isEqualTo(Map.of("alerts", 1 / 6.0, "reports", 2 / 6.0));
  }

  @Test
  void shouldListTheMostViewedArticlesWithTheirRatingsAndFlagTheOnesReliedOnAndRatedPoorly() {
    // 8 views in all: troubleshoot-sync 3 (37.5 %, rated 2 and 1: flagged), getting-started 4 (50 %, rated 5),
    // import-data 1 (12.5 %, rated 1: rated poorly but little read, not flagged). Active users: ana, bo, cy.
    portfolio.given(
        docViewed("fast", "2026-06-20T10:00:00Z", "ana", "troubleshoot-sync"),
        docViewed("fast", "2026-06-21T10:00:00Z", "ana", "troubleshoot-sync"),
        docViewed("late", "2026-06-22T10:00:00Z", "bo", "troubleshoot-sync"),
        docViewed("late", "2026-06-22T11:00:00Z", "bo", "getting-started"),
        docViewed("fast", "2026-06-23T10:00:00Z", "ana", "getting-started"),
        docViewed("old", "2026-06-23T10:00:00Z", "cy", "getting-started"),
        docViewed("old", "2026-06-24T10:00:00Z", "cy", "getting-started"),
        docViewed("old", "2026-06-24T11:00:00Z", "cy", "import-data"),
        rating("fast", "2026-06-21T10:05:00Z", "ana", "troubleshoot-sync", 2),
        rating("late", "2026-06-22T10:05:00Z", "bo", "troubleshoot-sync", 1),
        rating("old", "2026-06-23T10:05:00Z", "cy", "getting-started", 5),
        rating("old", "2026-06-24T11:05:00Z", "cy", "import-data", 1));

    HelpArticleKpis articles = portfolio.report(30).overall().helpArticles();

    assertThat(articles.docViews30d()).isEqualTo(8);
    assertThat(articles.docViewsPerActiveUser()).isEqualTo(8 / 3.0);
    assertThat(articles.mostViewed()).containsExactly(
        new HelpArticleKpis.Article("getting-started", 4, 0.5, 1, 5.0, false),
        new HelpArticleKpis.Article("troubleshoot-sync", 3, 0.375, 2, 1.5, true),
        new HelpArticleKpis.Article("import-data", 1, 0.125, 1, 1.0, false));
  }

  private static SpecificRecord rating(String account, String at, String respondent, String article, int score) {
    return TestEvents.survey(account, at, respondent, SurveyKind.RESOURCE, score).setTouchpoint(article).build();
  }

  @Test
  void shouldMergeTwoInstancesIntoTheReportOfOnePass() {
    List<AccountState> all = portfolio.accounts();
    PortfolioShare first = portfolio.share(30, all.subList(0, 3));
    PortfolioShare second = portfolio.share(30, all.subList(3, all.size()));

    assertThat(PortfolioKpis.of(first.plus(second), 0.8).overall())
        .isEqualTo(portfolio.report(30).overall());
  }
}
