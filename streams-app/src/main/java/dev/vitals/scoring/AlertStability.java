package dev.vitals.scoring;

import dev.vitals.schema.AlertRule;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What keeps churn alerts from flapping and from judging on thin data (docs/alerts.md): each rule that follows a
 * number resolves only some way past the threshold that raised it; a raised alert stays open for a minimum time;
 * and the score-based rules (AT_RISK, SCORE_DROP, RENEWAL_AT_RISK) raise only for an account old enough, whose
 * score rests on enough of the model.
 *
 * @param scoreDropResolveBelowPoints an open SCORE_DROP resolves once the fall from the window's peak is below this
 * @param usageCollapseResolveRatio an open USAGE_COLLAPSE resolves once usage is back at this share of the prior
 *     weekly average
 * @param renewalResolveAbovePoints an open RENEWAL_AT_RISK resolves this many points above the HEALTHY threshold
 *     (or when the renewal is past, out of the window or cancelled), not at the first step into HEALTHY
 * @param minimumOpen how long an alert of each rule stays open once raised; rules not listed have none (their
 *     causes end with an event: a paid invoice, a new answer, a reactivation, a login)
 * @param minimumAccountAge the score-based rules raise only from this long after the account's first event
 * @param minimumCoverage ... and only when the score covers at least this share of the model
 */
public record AlertStability(
    double scoreDropResolveBelowPoints,
    double usageCollapseResolveRatio,
    double renewalResolveAbovePoints,
    Map<AlertRule, Duration> minimumOpen,
    Duration minimumAccountAge,
    double minimumCoverage) {

  public AlertStability {
    Checks.between("resolveMargins.scoreDropBelowPoints", scoreDropResolveBelowPoints, 0, 100);
    Checks.between("resolveMargins.usageCollapseAtRatio", usageCollapseResolveRatio, 0, 10);
    Checks.between("resolveMargins.renewalAboveHealthyPoints", renewalResolveAbovePoints, 0, 100);
    Map<AlertRule, Duration> copy = new EnumMap<>(AlertRule.class);
    minimumOpen.forEach((rule, duration) -> {
      if (duration.isNegative()) {
        throw new InvalidScoringConfigException("minimumOpen." + rule, "must not be negative, was " + duration);
      }
      copy.put(rule, duration);
    });
    minimumOpen = Collections.unmodifiableMap(copy);
    if (minimumAccountAge.isNegative()) {
      throw new InvalidScoringConfigException("minimumEvidence.accountAge",
          "must not be negative, was " + minimumAccountAge);
    }
    Checks.between("minimumEvidence.coverage", minimumCoverage, 0, 1);
  }

  /** How long an alert of {@code rule} stays open once raised. */
  public Duration minimumOpenOf(AlertRule rule) {
    return minimumOpen.getOrDefault(rule, Duration.ZERO);
  }
}
