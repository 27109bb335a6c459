package dev.vitals.kpi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The onboarding and adoption KPIs of one segment, or of every account, in kpis.json and {@code GET /kpis}
 * ({@code onboarding}; docs/scoring.md lists the fields). Medians are over the accounts' journeys; null means no
 * data.
 *
 * @param journeys accounts on a tracked journey (subscribed, not onboarded before the subscription started)
 * @param onboarded of those, the ones that reached onboarding-complete
 * @param stillOnboarding the ones that have not yet
 * @param stillOnboardingMedianDays how long those have been at it, median in days (one decimal)
 * @param stillOnboardingLongestDays and the longest of them, in whole days
 * @param activationRate share of the decided journeys onboarded within 30 days of the start
 * @param keyFeatureAdoption per key feature, the share of the accounts that have it as a key feature and used it in
 *     the last 30 days
 */
public record OnboardingKpis(
    int journeys,
    int onboarded,
    int stillOnboarding,
    Double stillOnboardingMedianDays,
    Long stillOnboardingLongestDays,
    Long timeToOnboardMedianSeconds,
    Long timeToFirstApiCallMedianSeconds,
    Long timeToValueMedianSeconds,
    int activationDecided,
    int activated,
    Double activationRate,
    int outcomesAchieved,
    Map<String, Double> keyFeatureAdoption) {

  static OnboardingKpis of(OnboardingCounts c) {
    Duration stillMedian = median(c.onboardingForMillis());
    Long longest = c.onboardingForMillis().stream().max(Long::compare)
        .map(millis -> Duration.ofMillis(millis).toDays()).orElse(null);
    Map<String, Double> adoption = new LinkedHashMap<>();
    c.keyFeatures().forEach((feature, counts) -> adoption.put(feature, (double) counts.get(1) / counts.get(0)));
    return new OnboardingKpis(
        c.journeys(),
        c.onboarded(),
        c.stillOnboarding(),
        stillMedian == null ? null : Math.round(stillMedian.toMillis() / 8_640_000.0) / 10.0,
        longest,
        seconds(median(c.timeToOnboardMillis())),
        seconds(median(c.timeToFirstApiCallMillis())),
        seconds(median(c.timeToValueMillis())),
        c.activationDecided(),
        c.activated(),
        c.activationDecided() == 0 ? null : (double) c.activated() / c.activationDecided(),
        c.outcomesAchieved(),
        adoption);
  }

  private static Duration median(List<Long> millis) {
    return Median.of(millis.stream().map(Duration::ofMillis).toList());
  }

  private static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }
}
