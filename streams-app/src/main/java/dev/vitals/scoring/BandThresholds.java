package dev.vitals.scoring;

import dev.vitals.schema.HealthBand;

/**
 * Where the health bands start (SPEC §4): HEALTHY at or above {@code healthyAtOrAbove}, AT_RISK below
 * {@code atRiskBelow}, NEUTRAL in between. Both bounds are inclusive on the "better" side, so the defaults
 * put a score of exactly 70 in HEALTHY and exactly 40 in NEUTRAL.
 */
public record BandThresholds(double healthyAtOrAbove, double atRiskBelow) {

  public BandThresholds {
    Checks.between("healthyAtOrAbove", healthyAtOrAbove, 0, 100);
    Checks.between("atRiskBelow", atRiskBelow, 0, 100);
    if (atRiskBelow > healthyAtOrAbove) {
      // Overlapping bands would make a score both healthy and at risk.
      throw new InvalidScoringConfigException("atRiskBelow",
          "must be <= healthyAtOrAbove (" + Checks.number(healthyAtOrAbove) + "), was " + Checks.number(atRiskBelow));
    }
  }

  /** The band of a score; callers pass the score as published (rounded) so score and band never disagree. */
  public HealthBand bandOf(double score) {
    if (score >= healthyAtOrAbove) {
      return HealthBand.HEALTHY;
    }
    if (score < atRiskBelow) {
      return HealthBand.AT_RISK;
    }
    return HealthBand.NEUTRAL;
  }
}
