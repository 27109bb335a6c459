package dev.vitals.alert;

import static java.util.Locale.ROOT;

import dev.vitals.kpi.FinancialKpis;
import dev.vitals.kpi.OnboardingJourney;
import dev.vitals.kpi.SurveyAnswer;
import dev.vitals.kpi.UsageKpis;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.Severity;
import dev.vitals.scoring.AlertStability;
import dev.vitals.scoring.BandThresholds;
import dev.vitals.scoring.AlertThresholds;
import dev.vitals.scoring.OnboardingPolicy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The eight churn-risk rules of SPEC §4 and ONBOARDING_STALLED as conditions on an account's current KPIs and score. A rule that holds is
 * open; one that stops holding resolves. What keeps them from flapping and from judging on thin data
 * ({@link AlertStability}): AT_RISK, SCORE_DROP, USAGE_COLLAPSE and RENEWAL_AT_RISK resolve some way past the
 * threshold that raised them, a memory read from the account's closing values of past days
 * ({@link ClosingHysteresis}) so that it depends on the events only; an alert can be kept open for its rule's
 * minimum time; and the score-based rules raise only for an account old enough whose score covers enough of the
 * model.
 */
public final class AlertRules {
  private final AlertThresholds thresholds;
  private final AlertStability stability;
  private final double atRiskBelow;
  private final double healthyAtOrAbove;
  private final double renewalResolveAtOrAbove;
  private final OnboardingStall onboardingStall;

  public AlertRules(AlertThresholds thresholds, BandThresholds bands) {
    this(thresholds, bands, OnboardingPolicy.DEFAULTS);
  }

  public AlertRules(AlertThresholds thresholds, BandThresholds bands, OnboardingPolicy onboarding) {
    this.onboardingStall = new OnboardingStall(onboarding.stalledAfter());
    this.thresholds = thresholds;
    this.stability = thresholds.stability();
    this.atRiskBelow = bands.atRiskBelow();
    this.healthyAtOrAbove = bands.healthyAtOrAbove();
    this.renewalResolveAtOrAbove = bands.healthyAtOrAbove() + stability.renewalResolveAbovePoints();
  }

  /** The severity each rule is raised and resolved with. */
  public static Severity severityOf(AlertRule rule) {
    return switch (rule) {
      case DETRACTOR -> Severity.INFO;
      case CANCELLATION, RENEWAL_AT_RISK -> Severity.CRITICAL;
      case AT_RISK, SCORE_DROP, PAYMENT_FAILURES, USAGE_COLLAPSE, DORMANT, ONBOARDING_STALLED -> Severity.WARNING;
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
      case ONBOARDING_STALLED -> OnboardingStall.premiseGone(in.onboarding());
      case AT_RISK, SCORE_DROP, PAYMENT_FAILURES, DETRACTOR, DORMANT, CANCELLATION -> false;
    };
  }

  /**
   * Whether a score-based rule may raise for this account: old enough, and a score that rests on enough of the
   * model. An open alert is never resolved for want of evidence.
   */
  private boolean enoughEvidence(AlertInputs in) {
    return in.accountAge().compareTo(stability.minimumAccountAge()) >= 0 && enoughCoverage(in);
  }

  private boolean enoughCoverage(AlertInputs in) {
    return in.coverage() >= stability.minimumCoverage();
  }

  /** Whether the account was old enough at the close {@code back} days before the decision time. */
  private boolean oldEnoughAt(AlertInputs in, int back) {
    return in.accountAge().minusDays(back).compareTo(stability.minimumAccountAge()) >= 0;
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
      case ONBOARDING_STALLED -> onboardingStall.reason(in.onboarding());
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

  /**
   * A daily verdict: open from the close at which the score had fallen 15 points or more from the window's peak,
   * until a close at which the fall is under the resolve margin. A close's fall is measured from the highest of the
   * closes before it that the kept history covers.
   */
  private Supplier<String> scoreDrop(AlertInputs in) {
    List<Double> closes = in.pastScores();
    if (in.peakScore() == null || !enoughCoverage(in) || !ClosingHysteresis.openAtLastClose(closes.size(),
        back -> oldEnoughAt(in, back) && fallAtClose(closes, back) >= thresholds.scoreDropPoints(),
        back -> fallAtClose(closes, back) < stability.scoreDropResolveBelowPoints())) {
      return null;
    }
    double fall = fallAtClose(closes, 1);
    return () -> String.format(ROOT, "health score closed %.1f points under its peak of the %d days before, at %.1f"
        + " (now %.1f)", fall, thresholds.scoreDropWindow().toDays(), closes.get(0), in.score());
  }

  /**
   * The fall at the close {@code back} days ago from the highest close of the window before it; NaN without data,
   * which neither raises nor resolves (every comparison with NaN is false).
   */
  private double fallAtClose(List<Double> closes, int back) {
    Double score = closes.get(back - 1);
    double peak = Double.NaN;
    long window = thresholds.scoreDropWindow().toDays();
    for (int earlier = back + 1; earlier <= Math.min(closes.size(), back + window); earlier++) {
      Double close = closes.get(earlier - 1);
      if (close != null && !(close <= peak)) {
        peak = close;
      }
    }
    return score == null ? Double.NaN : peak - score;
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

  /**
   * A daily verdict: open from the close at which usage over the last 7 days was under half the prior weekly average
   * (on a baseline big enough to tell), until a close at which it is back at the resolve ratio.
   */
  private Supplier<String> usageCollapse(AlertInputs in) {
    if (!ClosingHysteresis.openAtLastClose(in.pastScores().size(),
        back -> collapsedAt(in.pastUsage().apply(back), thresholds.usageCollapseRatio()),
        back -> !collapsedAt(in.pastUsage().apply(back), stability.usageCollapseResolveRatio()))) {
      return null;
    }
    UsageKpis usage = in.pastUsage().apply(1);
    return () -> String.format(ROOT,
        "usage in the last 7 days (%d) is %.0f%% of the prior 28-day weekly average (%.1f)",
        usage.usageEvents7d(), 100 * usage.usageTrend(), usage.usageWeeklyAvgPrior28d());
  }

  private boolean collapseMeasurable(UsageKpis usage) {
    return usage != null && usage.usageTrend() != null
        && usage.usageWeeklyAvgPrior28d() >= thresholds.usageCollapseMinWeeklyEvents();
  }

  private boolean collapsedAt(UsageKpis usage, double ratio) {
    return collapseMeasurable(usage) && usage.usageTrend() < ratio;
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

  /**
   * A daily verdict: open from the close at which the account was not HEALTHY with its renewal within the window,
   * until a close at which the score is some points into HEALTHY; resolved at once when the renewal is past, out of
   * the window or cancelled (an event ends it).
   */
  private Supplier<String> renewalAtRisk(AlertInputs in) {
    FinancialKpis financial = in.kpis().financial();
    Integer days = financial.daysToRenewal();
    long window = thresholds.renewalWithin().toDays();
    List<Double> closes = in.pastScores();
    if (days == null || days < 0 || days > window || financial.cancelled() || !enoughCoverage(in)
        || !ClosingHysteresis.openAtLastClose(closes.size(),
            back -> oldEnoughAt(in, back) && closes.get(back - 1) != null
                && closes.get(back - 1) < healthyAtOrAbove && days + back <= window,
            back -> closes.get(back - 1) != null && closes.get(back - 1) >= renewalResolveAtOrAbove)) {
      return null;
    }
    return () -> String.format(ROOT, "renewal on %s in %d days while the account is %s", financial.renewalDate(), days,
        in.band());
  }
}
