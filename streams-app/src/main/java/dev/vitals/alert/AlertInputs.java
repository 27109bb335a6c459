package dev.vitals.alert;

import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.SurveyAnswer;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthBand;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * @param pastScores the scores at this time of day on each previous day, newest first, recomputed from the
 *     account's ledgers (null where the account had no events yet); AT_RISK's hysteresis reads them
 * @param openFor the rules open for the account before this evaluation, with how long each has been open
 * @param accountAge how long since the account's first event
 * @param coverage the share of the scoring model the score rests on (0–1)
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
    Map<AlertRule, Duration> openFor,
    Duration accountAge,
    double coverage) {

  boolean isOpen(AlertRule rule) {
    return openFor.containsKey(rule);
  }
}
