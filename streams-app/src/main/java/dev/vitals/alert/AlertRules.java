package dev.vitals.alert;

import static java.util.Locale.ROOT;

import dev.vitals.kpi.FinancialKpis;
import dev.vitals.kpi.SurveyAnswer;
import dev.vitals.kpi.UsageKpis;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.Severity;
import dev.vitals.scoring.AlertStability;
import dev.vitals.scoring.BandThresholds;
import dev.vitals.scoring.AlertThresholds;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The eight churn-risk rules of SPEC §4 as conditions on an account's current KPIs and score. A rule that holds is
 * open; one that stops holding resolves. What keeps them from flapping and from judging on thin data
 * ({@link AlertStability}): AT_RISK, SCORE_DROP, USAGE_COLLAPSE and RENEWAL_AT_RISK resolve some way past the
 * threshold that raised them; an alert stays open for its rule's minimum time; and the score-based rules raise only
 * for an account old enough whose score covers enough of the model.
 */
public final class AlertRules {
  private final AlertThresholds thresholds;
  private final AlertStability stability;
  private final double atRiskBelow;
  private final double renewalResolveAtOrAbove;

  public AlertRules(AlertThresholds thresholds, BandThresholds bands) {
    this.thresholds = thresholds;
    this.stability = thresholds.stability();
    this.atRiskBelow = bands.atRiskBelow();
    this.renewalResolveAtOrAbove = bands.healthyAtOrAbove() + stability.renewalResolveAbovePoints();
  }

  /** The severity each rule is raised and resolved with. */
  public static Severity severityOf(AlertRule rule) {
    return switch (rule) {
      case DETRACTOR -> Severity.INFO;
      case CANCELLATION, RENEWAL_AT_RISK -> Severity.CRITICAL;
      case AT_RISK, SCORE_DROP, PAYMENT_FAILURES, USAGE_COLLAPSE, DORMANT -> Severity.WARNING;
    };
  }

  /** The rules that hold for these inputs, each with its reason. */
  public Map<AlertRule, AlertCondition> holding(AlertInputs in) {
    Map<AlertRule, AlertCondition> holding = new EnumMap<>(AlertRule.class);
    for (AlertRule rule : AlertRule.values()) {
      Supplier<String> reason = reasonItHolds(rule, in);
      if (reason == null && in.isOpen(rule) && !premiseGone(rule, in)
          && in.openFor().get(rule).compareTo(stability.minimumOpenOf(rule)) < 0) {
        // Not yet open for its minimum time: kept open (no transition is emitted, so the reason is not shown).
        reason = () -> "open for less than " + stability.minimumOpenOf(rule);
      }
      if (reason != null) {
        holding.put(rule, new AlertCondition(severityOf(rule), reason));
      }
    }
    return holding;
  }

  /**
   * Whether what a rule is about has ended rather than just crossed back over its threshold: a cancelled account
   * has no renewal at risk, a renewal that is past or out of the window is not at risk, usage without a baseline
   * cannot collapse. Such an alert resolves at once; the minimum open time is for numbers hovering at a threshold.
   */
  private boolean premiseGone(AlertRule rule, AlertInputs in) {
    return switch (rule) {
      case RENEWAL_AT_RISK -> {
        FinancialKpis financial = in.kpis().financial();
        Integer days = financial.daysToRenewal();
        yield days == null || days < 0 || days > thresholds.renewalWithin().toDays() || financial.cancelled();
      }
      case USAGE_COLLAPSE -> in.kpis().usage().usageTrend() == null
          || in.kpis().usage().usageWeeklyAvgPrior28d() < thresholds.usageCollapseMinWeeklyEvents();
      case AT_RISK, SCORE_DROP, PAYMENT_FAILURES, DETRACTOR, DORMANT, CANCELLATION -> false;
    };
  }

  /**
   * Whether a score-based rule may raise for this account: old enough, and a score that rests on enough of the
   * model. An open alert is never resolved for want of evidence.
   */
  private boolean enoughEvidence(AlertInputs in) {
    return in.accountAge().compareTo(stability.minimumAccountAge()) >= 0
        && in.coverage() >= stability.minimumCoverage();
  }

  /** Why {@code rule} holds, or null when it does not. */
  private Supplier<String> reasonItHolds(AlertRule rule, AlertInputs in) {
    return switch (rule) {
      case AT_RISK -> atRisk(in);
      case SCORE_DROP -> scoreDrop(in);
      case PAYMENT_FAILURES -> paymentFailures(in.kpis().financial());
      case DETRACTOR -> detractor(in.detractors());
      case USAGE_COLLAPSE -> usageCollapse(in);
      case DORMANT -> dormant(in);
      case CANCELLATION -> in.kpis().financial().cancelled() ? () -> "subscription cancelled" : null;
      case RENEWAL_AT_RISK -> renewalAtRisk(in);
    };
  }

  /**
   * At risk below 40; between 40 and 45 still at risk when it already was, or when the score dipped below 40 since
   * it was last at 45 or above. The dip is also looked for in the closing scores of the previous days, so an
   * evaluation that happened to skip the dip (batching) comes to the same answer as one that saw it.
   */
  private Supplier<String> atRisk(AlertInputs in) {
    boolean open = in.isOpen(AlertRule.AT_RISK);
    boolean stillAtRisk = in.score() < thresholds.atRiskResolveAtOrAbove()
        && (open || dippedBelowAtRiskSinceLastRecovery(in.pastScores()));
    if (in.band() != HealthBand.AT_RISK && !stillAtRisk || !open && !enoughEvidence(in)) {
      return null;
    }
    return () -> String.format(ROOT, "health score %.1f is at risk (resolves at %.0f or above)", in.score(),
        thresholds.atRiskResolveAtOrAbove());
  }

  private boolean dippedBelowAtRiskSinceLastRecovery(List<Double> pastScores) {
    for (Double score : pastScores) {
      if (score == null) {
        continue;
      }
      if (score >= thresholds.atRiskResolveAtOrAbove()) {
        return false;
      }
      if (score < atRiskBelow) {
        return true;
      }
    }
    return false;
  }

  private Supplier<String> scoreDrop(AlertInputs in) {
    boolean open = in.isOpen(AlertRule.SCORE_DROP);
    double holdsFrom = open ? stability.scoreDropResolveBelowPoints() : thresholds.scoreDropPoints();
    if (in.peakScore() == null || in.peakScore() - in.score() < holdsFrom || !open && !enoughEvidence(in)) {
      return null;
    }
    return () -> String.format(ROOT, "health score fell %.1f points within %d days, from %.1f to %.1f",
        in.peakScore() - in.score(), thresholds.scoreDropWindow().toDays(), in.peakScore(), in.score());
  }

  private Supplier<String> paymentFailures(FinancialKpis financial) {
    if (financial.paymentFailures30d() < thresholds.paymentFailures()) {
      return null;
    }
    return () -> financial.paymentFailures30d() + " payment failures in 30 days not followed by a paid invoice";
  }

  private static Supplier<String> detractor(List<SurveyAnswer> detractors) {
    if (detractors.isEmpty()) {
      return null;
    }
    SurveyAnswer latest = detractors.get(detractors.size() - 1);
    String others = detractors.size() > 1 ? " (" + detractors.size() + " detractors in 90 days)" : "";
    return () -> "NPS detractor: " + latest.respondentId() + " answered " + latest.score() + others;
  }

  private Supplier<String> usageCollapse(AlertInputs in) {
    UsageKpis usage = in.kpis().usage();
    double holdsBelow = in.isOpen(AlertRule.USAGE_COLLAPSE) ? stability.usageCollapseResolveRatio()
        : thresholds.usageCollapseRatio();
    if (usage.usageTrend() == null || usage.usageTrend() >= holdsBelow
        || usage.usageWeeklyAvgPrior28d() < thresholds.usageCollapseMinWeeklyEvents()) {
      return null;
    }
    return () -> String.format(ROOT,
        "usage in the last 7 days (%d) is %.0f%% of the prior 28-day weekly average (%.1f)",
        usage.usageEvents7d(), 100 * usage.usageTrend(), usage.usageWeeklyAvgPrior28d());
  }

  private Supplier<String> dormant(AlertInputs in) {
    if (!in.kpis().financial().subscribed()) {
      return null;
    }
    long dormantDays = thresholds.dormantAfter().toDays();
    Integer idleDays = in.daysWithoutUsage();
    if (idleDays != null) {
      return idleDays >= dormantDays ? () -> "no product usage for " + idleDays + " days while subscribed" : null;
    }
    long subscribedDays = in.subscribedFor() == null ? 0 : in.subscribedFor().toDays();
    return subscribedDays >= dormantDays
        ? () -> "no product usage in " + subscribedDays + " days as a subscriber" : null;
  }

  private Supplier<String> renewalAtRisk(AlertInputs in) {
    FinancialKpis financial = in.kpis().financial();
    Integer days = financial.daysToRenewal();
    boolean open = in.isOpen(AlertRule.RENEWAL_AT_RISK);
    boolean healthyEnough = open ? in.score() >= renewalResolveAtOrAbove : in.band() == HealthBand.HEALTHY;
    if (days == null || days < 0 || days > thresholds.renewalWithin().toDays() || healthyEnough
        || financial.cancelled() || !open && !enoughEvidence(in)) {
      return null;
    }
    return () -> String.format(ROOT, "renewal on %s in %d days while the account is %s", financial.renewalDate(), days,
        in.band());
  }
}
