package dev.vitals.simulate;

import dev.vitals.schema.HealthBand;
import java.util.Set;

/**
 * The kinds of customer the simulator plays, each a story a CS team will recognise. The comments
 * say what the pipeline should see by the end of the simulated period.
 */
public enum Archetype {
  /** High utilisation, stable usage, promoters, quick first-contact resolutions, always pays. */
  HEALTHY(SupportStyle.RESPONSIVE, Set.of(HealthBand.HEALTHY)),
  /**
   * Usage and active users fall steadily, tickets rise and take longer, passives turn detractors; two in five drop
   * seats in the last weeks (a contraction).
   */
  DECLINING(SupportStyle.STRAINED, Set.of(HealthBand.NEUTRAL, HealthBand.AT_RISK)),
  /**
   * A decline over the ~45 days before its churn day (somewhere in the last third of the history): usage and
   * active users fall, then collapse in the last 10 days; slow and reopened tickets and complaints, detractor NPS,
   * two or more failed payments from about 26 days before; for most a CANCELLED on the churn day, and half of
   * those that cancel early enough subscribe again within a fortnight on a smaller plan (a reactivation).
   */
  CHURNING(SupportStyle.FAILING, Set.of(HealthBand.AT_RISK)),
  /** Moderate usage, then none at all for the last ~20+ days while still subscribed and invoiced. */
  DORMANT(SupportStyle.ROUTINE, Set.of(HealthBand.NEUTRAL, HealthBand.AT_RISK)),
  /** Growing active users, then, in the last four weeks, a PLAN_CHANGED to more seats and a higher MRR; promoters. */
  EXPANDING(SupportStyle.RESPONSIVE, Set.of(HealthBand.HEALTHY)),
  /**
   * Subscribes mid-period, ramps up, asks how-to questions, reads the docs and reaches onboarding
   * milestones ({@code onboarding-complete} and others).
   */
  ONBOARDING(SupportStyle.GUIDED, Set.of(HealthBand.HEALTHY, HealthBand.NEUTRAL));

  private final SupportStyle support;
  private final Set<HealthBand> expectedBands;

  Archetype(SupportStyle support, Set<HealthBand> expectedBands) {
    this.support = support;
    this.expectedBands = expectedBands;
  }

  /** How this kind of customer's tickets tend to go. */
  SupportStyle support() {
    return support;
  }

  /**
   * The bands a sensible health model should put such an account in at the end of a history of
   * 60 days or more: the simulator's intent, for demos and end-to-end checks, not a rule.
   */
  public Set<HealthBand> expectedBands() {
    return expectedBands;
  }
}
