package dev.vitals.alert;

import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.SurveyAnswer;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthBand;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the alert rules look at for one account at one event time.
 *
 * @param kpis the KPIs as of now
 * @param score the health score now
 * @param band the band of that score
 * @param delta7d score now minus score 7 days earlier; null without that history
 * @param detractors respondents whose latest NPS answer is a detractor's
 * @param daysWithoutUsage whole days from the last usage to the pipeline's event clock; null when never used
 * @param knownFor from the account's first event to the pipeline's event clock (dormancy of never-used accounts)
 * @param openRules the rules currently open for the account (AT_RISK's hysteresis needs it)
 */
public record AlertInputs(
    AccountKpis kpis,
    double score,
    HealthBand band,
    Double delta7d,
    List<SurveyAnswer> detractors,
    Integer daysWithoutUsage,
    Duration knownFor,
    Set<AlertRule> openRules) {}
