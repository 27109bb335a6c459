package dev.vitals.simulate;

import java.util.List;

/**
 * How a simulated account's onboarding goes, so that the demo's onboarding funnel shows journeys that complete,
 * stall and never start, and established customers that were onboarded before the history begins.
 *
 * <p>Decided from the account's place in the plan, not drawn from its generator: the journeys change which
 * milestone events are published, never which random numbers the rest of the account's story draws (its usage,
 * tickets and surveys, which the calibration targets are measured on, stay the same).
 */
enum OnboardingPath {
  /** Already a customer when the history begins: onboarding-complete is reached before the subscription is seen. */
  ESTABLISHED(List.of()),
  /** Reaches every milestone of the plan, onboarding-complete within 10 to 25 days. */
  COMPLETES(List.of("workspace-created", "data-connected", "team-invited", "onboarding-complete",
      "first-dashboard-shared", "first-automation-live")),
  /** Sets up and connects data, then stops short: onboarding-complete never comes. */
  STALLS(List.of("workspace-created", "data-connected")),
  /** Subscribes and logs in, but reaches no milestone at all. */
  NEVER_STARTS(List.of());

  /** Of every four ONBOARDING accounts, in plan order: two complete, one stalls, one never starts. */
  private static final List<OnboardingPath> NEW_CUSTOMERS = List.of(COMPLETES, STALLS, COMPLETES, NEVER_STARTS);

  private final List<String> journeyMilestones;

  OnboardingPath(List<String> journeyMilestones) {
    this.journeyMilestones = journeyMilestones;
  }

  /**
   * The path of the account at {@code index} of the plan; an ONBOARDING account's ordinal among them is its index
   * over the eight archetypes of the cycle ({@link HistorySimulator}).
   */
  static OnboardingPath of(Archetype archetype, int index) {
    return archetype == Archetype.ONBOARDING ? NEW_CUSTOMERS.get(index / 8 % NEW_CUSTOMERS.size()) : ESTABLISHED;
  }

  /**
   * Whether the account publishes {@code milestone} of its plan: the onboarding milestones only on its path, the
   * later outcomes (roi-validated and the like) always.
   */
  boolean publishes(String milestone) {
    return journeyMilestones.contains(milestone) || !COMPLETES.journeyMilestones.contains(milestone);
  }
}
