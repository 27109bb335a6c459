package dev.vitals.health;

import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.ArticleReliance;
import dev.vitals.kpi.OnboardingJourney;
import dev.vitals.kpi.UsageKpis;
import dev.vitals.schema.AdoptionValues;
import dev.vitals.schema.HelpArticleValues;
import java.time.Duration;
import java.util.List;

/**
 * Maps an account's onboarding journey, key-feature use and help-article reliance onto the health record's
 * {@link AdoptionValues}. Read from the ledgers as of the record's own time, so the record says what its KPIs say.
 */
final class AdoptionRecord {
  private AdoptionRecord() {}

  static AdoptionValues of(AccountState state, AccountKpis kpis) {
    OnboardingJourney journey = state.onboardingAt(kpis.asOf());
    UsageKpis usage = kpis.usage();
    List<String> keyFeatures = state.profile == null ? List.of() : state.profile.keyFeatures();
    return AdoptionValues.newBuilder()
        .setSubscriptionStartedAt(journey.startedAt())
        .setJourneyTracked(journey.tracked())
        .setStillOnboarding(journey.stillOnboarding())
        .setOnboardingDays(journey.stillOnboarding() ? Integer.valueOf((int) journey.onboardingFor().toDays()) : null)
        .setTimeToOnboardSeconds(seconds(journey.timeToOnboard()))
        .setTimeToFirstApiCallSeconds(seconds(journey.timeToFirstApiCall()))
        .setTimeToValueSeconds(seconds(journey.timeToValue()))
        .setActivated(journey.activated())
        .setOutcomesAchieved(journey.outcomesAchieved())
        .setKeyFeatures(keyFeatures)
        .setKeyFeaturesUsed30d(state.usage.keyFeaturesUsed(keyFeatures, kpis.asOf()))
        .setDocViewsPerActiveUser30d(usage.activeUsers30d() == 0 ? null
            : (double) usage.docViews30d() / usage.activeUsers30d())
        .setArticles(ArticleReliance.of(state, kpis.asOf()).stream()
            .map(a -> new HelpArticleValues(a.article(), a.views30d(), a.ratings90d(), a.ratingPoints90d()))
            .toList())
        .build();
  }

  private static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }
}
