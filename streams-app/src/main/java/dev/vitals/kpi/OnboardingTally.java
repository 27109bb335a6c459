package dev.vitals.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds accounts (or other instances' {@link OnboardingCounts}) up into one segment's onboarding counts. */
final class OnboardingTally {
  private static final int KEY = 0;
  private static final int USED = 1;

  private final Instant asOf;
  private int journeys;
  private int onboarded;
  private final List<Long> timeToOnboard = new ArrayList<>();
  private final List<Long> timeToFirstApiCall = new ArrayList<>();
  private final List<Long> timeToValue = new ArrayList<>();
  private final List<Long> onboardingFor = new ArrayList<>();
  private int activationDecided;
  private int activated;
  private int outcomes;
  private final Map<String, int[]> keyFeatures = new TreeMap<>();
  private long docViews;
  private final Map<String, long[]> articles = new TreeMap<>();

  OnboardingTally(Instant asOf) {
    this.asOf = asOf;
  }

  void add(AccountState state) {
    OnboardingJourney journey = state.onboardingAt(asOf);
    outcomes += journey.outcomesAchieved();
    if (journey.tracked()) {
      journeys++;
      addMillis(timeToOnboard, journey.timeToOnboard());
      addMillis(timeToFirstApiCall, journey.timeToFirstApiCall());
      addMillis(timeToValue, journey.timeToValue());
      addMillis(onboardingFor, journey.onboardingFor());
      onboarded += journey.timeToOnboard() == null ? 0 : 1;
      if (journey.activated() != null) {
        activationDecided++;
        activated += journey.activated() ? 1 : 0;
      }
    }
    List<String> keys = state.profile == null ? List.of() : state.profile.keyFeatures();
    List<String> used = state.usage.keyFeaturesUsed(keys, asOf);
    for (String feature : keys) {
      int[] counts = keyFeatures.computeIfAbsent(feature, f -> new int[2]);
      counts[KEY]++;
      counts[USED] += used.contains(feature) ? 1 : 0;
    }
    docViews += state.usage.kpis(asOf, null, List.of(), null).docViews30d();
    for (ArticleFigure article : ArticleReliance.of(state, asOf)) {
      long[] sums = articles.computeIfAbsent(article.article(), a -> new long[3]);
      sums[0] += article.views30d();
      sums[1] += article.ratings90d();
      sums[2] += article.ratingPoints90d();
    }
  }

  void add(OnboardingCounts other) {
    journeys += other.journeys();
    onboarded += other.onboarded();
    timeToOnboard.addAll(other.timeToOnboardMillis());
    timeToFirstApiCall.addAll(other.timeToFirstApiCallMillis());
    timeToValue.addAll(other.timeToValueMillis());
    onboardingFor.addAll(other.onboardingForMillis());
    activationDecided += other.activationDecided();
    activated += other.activated();
    outcomes += other.outcomesAchieved();
    other.keyFeatures().forEach((feature, counts) -> {
      int[] mine = keyFeatures.computeIfAbsent(feature, f -> new int[2]);
      mine[KEY] += counts.get(KEY);
      mine[USED] += counts.get(USED);
    });
    docViews += other.docViews30d();
    other.articles().forEach((article, sums) -> {
      long[] mine = articles.computeIfAbsent(article, a -> new long[3]);
      for (int i = 0; i < mine.length; i++) {
        mine[i] += sums.get(i);
      }
    });
  }

  OnboardingCounts counts() {
    Map<String, List<Integer>> features = new TreeMap<>();
    keyFeatures.forEach((feature, counts) -> features.put(feature, List.of(counts[KEY], counts[USED])));
    Map<String, List<Long>> articleSums = new TreeMap<>();
    articles.forEach((article, sums) -> articleSums.put(article, List.of(sums[0], sums[1], sums[2])));
    return new OnboardingCounts(journeys, onboarded, List.copyOf(timeToOnboard), List.copyOf(timeToFirstApiCall),
        List.copyOf(timeToValue), List.copyOf(onboardingFor), activationDecided, activated, outcomes, features,
        docViews, articleSums);
  }

  private static void addMillis(List<Long> to, Duration duration) {
    if (duration != null) {
      to.add(duration.toMillis());
    }
  }
}
