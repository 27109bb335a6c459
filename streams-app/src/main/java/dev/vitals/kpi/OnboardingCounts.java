package dev.vitals.kpi;

import java.util.List;
import java.util.Map;

/**
 * The onboarding and adoption counts of one segment (or the whole portfolio) as of one instant, the part of
 * {@link PortfolioCounts} the onboarding KPIs are computed from. Every field adds up over accounts, and the journey
 * durations travel whole (in milliseconds, like the ticket durations), so the medians of several instances' counts
 * merged are exactly those of one pass over every account.
 *
 * @param journeys accounts on a tracked onboarding journey, completed or not ({@link OnboardingJourney#tracked})
 * @param onboarded of those, the ones that reached onboarding-complete
 * @param timeToOnboardMillis each onboarded journey's time to onboard
 * @param timeToFirstApiCallMillis each tracked journey's time to its first API call, once made
 * @param timeToValueMillis each tracked journey's time to value, once reached
 * @param onboardingForMillis how long each journey still under way has run
 * @param activationDecided tracked journeys whose activation is decided (onboarded, or 30 days gone)
 * @param activated of those, the ones onboarded within 30 days
 * @param outcomesAchieved milestones other than onboarding-complete reached, summed over every account
 * @param keyFeatures per key feature: accounts that have it as a key feature, and of them those that used it in the
 *     last 30 days (a list of two)
 * @param docViews30d help-article views in the last 30 days, summed over the accounts
 * @param articles per help article: views (30 d), RESOURCE ratings and their points (90 d) (a list of three), over
 *     the articles each account keeps ({@link ArticleReliance})
 */
public record OnboardingCounts(
    int journeys,
    int onboarded,
    List<Long> timeToOnboardMillis,
    List<Long> timeToFirstApiCallMillis,
    List<Long> timeToValueMillis,
    List<Long> onboardingForMillis,
    int activationDecided,
    int activated,
    int outcomesAchieved,
    Map<String, List<Integer>> keyFeatures,
    long docViews30d,
    Map<String, List<Long>> articles) {

  /** Journeys still under way. */
  public int stillOnboarding() {
    return onboardingForMillis.size();
  }
}
