package dev.vitals.scoring;

import java.time.Duration;

/**
 * When a new customer's onboarding counts as stalled (the ONBOARDING_STALLED alert, docs/alerts.md). Its own section
 * of the scoring configuration, optional in the file: it changes no score, only that alert.
 *
 * @param stalledAfter how long after its subscription started an account may go without reaching the
 *     {@code onboarding-complete} milestone before the alert is raised; 30 days (the activation window) unless
 *     configured, at least one day (the journey is judged on whole days of silence, not on hours)
 */
public record OnboardingPolicy(Duration stalledAfter) {
  public static final OnboardingPolicy DEFAULTS = new OnboardingPolicy(Duration.ofDays(30));

  public OnboardingPolicy {
    Checks.present("stalledAfter", stalledAfter);
    if (stalledAfter.compareTo(Duration.ofDays(1)) < 0) {
      throw new InvalidScoringConfigException("stalledAfter", "must be at least P1D, was " + stalledAfter);
    }
  }
}
