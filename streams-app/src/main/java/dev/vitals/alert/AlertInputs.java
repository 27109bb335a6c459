package dev.vitals.alert;

import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.OnboardingJourney;
import dev.vitals.kpi.SurveyAnswer;
import dev.vitals.kpi.UsageKpis;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthBand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the alert rules look at for one account at one event time.
 *
 * @param kpis the KPIs as of now
 * @param score the health score now
 * @param band the band of that score
 * @param peakScore the highest score at this time of day on each day of the score-drop window; null without
 *     history
 * @param detractors respondents whose latest NPS answer is a detractor's
 * @param daysWithoutUsage whole days from the last usage to the pipeline's event clock; null when never used
 * @param subscribedFor how long the current subscription has run, up to the event clock; null when not subscribed
 * @param pastScores the closing scores of the previous days, newest first, recomputed from the account's ledgers
 *     (null where the account had no events yet); the margins of the score-based rules read them
 * @param pastUsage the usage KPIs at the close {@code back} days ago (null before the first event), computed from the
 *     ledgers when asked: USAGE_COLLAPSE's margin reads them, only while usage is between its two thresholds
 * @param openFor the rules open for the account before this evaluation, with how long each has been open: for the
 *     minimum open times only (the margins never read it, see {@link ClosingHysteresis})
 * @param accountAge how long since the account's first event
 * @param coverage the share of the scoring model the score rests on (0–1)
 * @param onboarding the onboarding journey as of now (ONBOARDING_STALLED reads it); null when not known
 */
public record AlertInputs(
    AccountKpis kpis,
    double score,
    HealthBand band,
    Double peakScore,
    List<SurveyAnswer> detractors,
    Integer daysWithoutUsage,
    Duration subscribedFor,
    List<Double> pastScores,
    IntFunction<UsageKpis> pastUsage,
    Map<AlertRule, Duration> openFor,
    Duration accountAge,
    double coverage,
    OnboardingJourney onboarding) {

  /** Inputs without an onboarding journey: ONBOARDING_STALLED does not hold. */
  public AlertInputs(AccountKpis kpis, double score, HealthBand band, Double peakScore, List<SurveyAnswer> detractors,
      Integer daysWithoutUsage, Duration subscribedFor, List<Double> pastScores, IntFunction<UsageKpis> pastUsage,
      Map<AlertRule, Duration> openFor, Duration accountAge, double coverage) {
    this(kpis, score, band, peakScore, detractors, daysWithoutUsage, subscribedFor, pastScores, pastUsage, openFor,
        accountAge, coverage, null);
  }

  boolean isOpen(AlertRule rule) {
    return openFor.containsKey(rule);
  }
}
