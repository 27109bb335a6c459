package dev.vitals.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An account's onboarding as of one instant (SPEC §3, onboarding): from the start of its running subscription to the
 * MILESTONE named {@value #COMPLETE}, to its first API call, and to value (every key feature used at least once).
 *
 * <p>A journey is tracked only when it started with the running subscription: an account that reached
 * {@value #COMPLETE} before that subscription started (a customer migrated with its history, or one that came back
 * after a churn) was onboarded already and has no journey, and one that is not subscribed has none either. Only what
 * happened at or before {@code asOf} counts, so the journey as of a past close is what it was then.
 *
 * @param startedAt when the running subscription started; null when not subscribed
 * @param tracked whether a journey is followed for this subscription (see above)
 * @param timeToOnboard start to {@value #COMPLETE}; null until reached or when not tracked
 * @param timeToFirstApiCall start to the first API call (zero when the API was called before the start); null until
 *     called or when not tracked
 * @param timeToValue start to the first use of the last key feature to be used, the day from which every key feature
 *     has been used (zero when all were used before the start); null until then, without key features, or when not
 *     tracked
 * @param activated onboarded within {@link KpiWindows#ACTIVATION} of the start; null while that is still open or
 *     when not tracked
 * @param outcomesAchieved milestones other than {@value #COMPLETE} reached, whatever the journey
 * @param onboardingFor how long a tracked journey has run without completing; null once onboarded or when not tracked
 */
public record OnboardingJourney(
    Instant startedAt,
    boolean tracked,
    Duration timeToOnboard,
    Duration timeToFirstApiCall,
    Duration timeToValue,
    Boolean activated,
    int outcomesAchieved,
    Duration onboardingFor) {

  /** The milestone that ends onboarding. */
  public static final String COMPLETE = "onboarding-complete";

  /** Whether the account is on a journey that has not completed yet. */
  public boolean stillOnboarding() {
    return onboardingFor != null;
  }

  /**
   * The journey of an account whose usage ledger is {@code usage}, subscribed since {@code startedAt} (null when not
   * subscribed), as of {@code asOf}.
   */
  public static OnboardingJourney of(UsageLedger usage, Instant startedAt, List<String> keyFeatures, Instant asOf) {
    Instant onboardedAt = reached(usage.milestones.get(COMPLETE), asOf);
    int outcomes = outcomes(usage.milestones, asOf);
    boolean tracked = startedAt != null && (onboardedAt == null || !onboardedAt.isBefore(startedAt));
    if (!tracked) {
      return new OnboardingJourney(startedAt, false, null, null, null, null, outcomes, null);
    }
    Instant firstApiCall = reached(usage.firstApiCallAt, asOf);
    Instant valueAt = valueReachedAt(usage.firstUses, keyFeatures, asOf);
    Instant activationDeadline = startedAt.plus(KpiWindows.ACTIVATION);
    Boolean activated = onboardedAt != null && !onboardedAt.isAfter(activationDeadline) ? Boolean.TRUE
        : asOf.isAfter(activationDeadline) ? Boolean.FALSE : null;
    return new OnboardingJourney(
        startedAt,
        true,
        since(startedAt, onboardedAt),
        since(startedAt, firstApiCall),
        since(startedAt, valueAt),
        activated,
        outcomes,
        onboardedAt == null ? Duration.between(startedAt, asOf) : null);
  }

  /**
   * When the last of the key features was first used, so that from then on every one of them had been: null while
   * one has never been used by {@code asOf}, and without key features (there is no value to reach).
   */
  private static Instant valueReachedAt(Map<String, Instant> firstUses, List<String> keyFeatures, Instant asOf) {
    if (keyFeatures.isEmpty()) {
      return null;
    }
    Instant last = null;
    for (String feature : keyFeatures) {
      Instant first = reached(firstUses.get(feature), asOf);
      if (first == null) {
        return null;
      }
      last = last == null || first.isAfter(last) ? first : last;
    }
    return last;
  }

  private static int outcomes(Map<String, Instant> milestones, Instant asOf) {
    int count = 0;
    for (Map.Entry<String, Instant> milestone : milestones.entrySet()) {
      if (!milestone.getKey().equals(COMPLETE) && reached(milestone.getValue(), asOf) != null) {
        count++;
      }
    }
    return count;
  }

  /** {@code at} when it is no later than {@code asOf}, else null: what had not happened yet does not count. */
  private static Instant reached(Instant at, Instant asOf) {
    return at == null || at.isAfter(asOf) ? null : at;
  }

  /** From the start to {@code at}; zero when {@code at} came first (used before subscribing, in a trial). */
  private static Duration since(Instant start, Instant at) {
    return at == null ? null : at.isBefore(start) ? Duration.ZERO : Duration.between(start, at);
  }
}
