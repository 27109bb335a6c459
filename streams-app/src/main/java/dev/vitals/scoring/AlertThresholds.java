package dev.vitals.scoring;

import java.time.Duration;

/**
 * Thresholds of the churn-risk alert rules (SPEC §4). The scoring model does not use them; they live here so
 * that one file holds everything CS ops tune, and so that they are validated at start like the rest.
 *
 * @param atRiskResolveAtOrAbove an AT_RISK alert resolves once the score is at or above this (hysteresis)
 * @param scoreDropPoints SCORE_DROP fires when the score fell by at least this many points ...
 * @param scoreDropWindow ... within this event-time window
 * @param paymentFailures PAYMENT_FAILURES fires at this many unpaid failures in 30 days
 * @param detractorMaxScore DETRACTOR fires on an NPS answer at or below this (0–10)
 * @param usageCollapseRatio USAGE_COLLAPSE fires when 7-day usage is below this share of the prior weekly average
 * @param usageCollapseMinWeeklyEvents ... provided that average is at least this many events: in a tiny account a
 *     quiet week is noise, not a collapse
 * @param dormantAfter DORMANT fires after this long without usage while subscribed
 * @param renewalWithin RENEWAL_AT_RISK fires when the renewal is this close and the band is not HEALTHY
 * @param stability resolve margins, minimum open times and minimum evidence, so alerts neither flap nor judge on
 *     thin data
 */
public record AlertThresholds(
    double atRiskResolveAtOrAbove,
    double scoreDropPoints,
    Duration scoreDropWindow,
    int paymentFailures,
    int detractorMaxScore,
    double usageCollapseRatio,
    double usageCollapseMinWeeklyEvents,
    Duration dormantAfter,
    Duration renewalWithin,
    AlertStability stability) {

  public AlertThresholds {
    Checks.between("atRiskResolveAtOrAbove", atRiskResolveAtOrAbove, 0, 100);
    Checks.positive("scoreDropPoints", scoreDropPoints);
    Checks.between("scoreDropPoints", scoreDropPoints, 0, 100);
    Checks.positive("scoreDropWindow", scoreDropWindow);
    Checks.atLeast("paymentFailures", paymentFailures, 1);
    Checks.between("detractorMaxScore", detractorMaxScore, 0, 10);
    Checks.positive("usageCollapseRatio", usageCollapseRatio);
    Checks.between("usageCollapseRatio", usageCollapseRatio, 0, 1);
    Checks.atLeast("usageCollapseMinWeeklyEvents", usageCollapseMinWeeklyEvents, 0);
    Checks.positive("dormantAfter", dormantAfter);
    Checks.positive("renewalWithin", renewalWithin);
    Checks.present("stability", stability);
    if (stability.scoreDropResolveBelowPoints() > scoreDropPoints) {
      throw new InvalidScoringConfigException("resolveMargins.scoreDropBelowPoints",
          "must be <= scoreDropPoints (" + Checks.number(scoreDropPoints) + "), was "
              + Checks.number(stability.scoreDropResolveBelowPoints()));
    }
    if (stability.usageCollapseResolveRatio() < usageCollapseRatio) {
      throw new InvalidScoringConfigException("resolveMargins.usageCollapseAtRatio",
          "must be >= usageCollapseRatio (" + Checks.number(usageCollapseRatio) + "), was "
              + Checks.number(stability.usageCollapseResolveRatio()));
    }
  }

  /**
   * Checked by {@link ScoringConfig}, which knows both records: resolving below the band's own threshold would
   * resolve an alert while the account is still AT_RISK, so the alert would flap.
   */
  void requireHysteresisAbove(BandThresholds bands) {
    if (atRiskResolveAtOrAbove < bands.atRiskBelow()) {
      throw new InvalidScoringConfigException("atRiskResolveAtOrAbove",
          "must be >= bands.atRiskBelow (" + Checks.number(bands.atRiskBelow()) + "), was "
              + Checks.number(atRiskResolveAtOrAbove));
    }
  }
}
