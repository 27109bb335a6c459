package dev.vitals.alert;

import dev.vitals.kpi.EventDay;
import dev.vitals.kpi.OnboardingJourney;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * ONBOARDING_STALLED: a new customer subscribed at least {@code stalledAfter} ago without reaching the
 * {@code onboarding-complete} milestone.
 *
 * <p>Why it cannot flap and why replay and live agree: the verdict is a function of the account's ledgers (the start
 * of its running subscription, its milestones) and the decision time alone, never of whether the alert is open.
 * The time since the start only grows with the decision time, so once raised the rule holds until an event ends it:
 * the milestone (resolved) or the end of the subscription (its premise gone). Neither hovers, so no resolve margin
 * is needed. Minimum evidence: only a tracked journey counts, one whose start Vitals saw with no completion before
 * it ({@link OnboardingJourney}), and only after the whole {@code stalledAfter} has passed in event time.
 */
final class OnboardingStall {
  private final Duration stalledAfter;

  OnboardingStall(Duration stalledAfter) {
    this.stalledAfter = stalledAfter;
  }

  /** Why the journey is stalled, or null when it is not. */
  Supplier<String> reason(OnboardingJourney journey) {
    if (journey == null || !journey.stillOnboarding() || journey.onboardingFor().compareTo(stalledAfter) < 0) {
      return null;
    }
    long days = journey.onboardingFor().toDays();
    int outcomes = journey.outcomesAchieved();
    return () -> "onboarding not complete " + days + " days after the subscription started on "
        + EventDay.date(journey.startedAt()) + " (" + outcomes + (outcomes == 1 ? " milestone" : " milestones")
        + " reached)";
  }

  /** Whether there is no journey left to stall: the subscription ended, or the account is not on one. */
  static boolean premiseGone(OnboardingJourney journey) {
    return journey == null || !journey.tracked();
  }
}
