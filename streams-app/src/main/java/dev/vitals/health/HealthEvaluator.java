package dev.vitals.health;

import dev.vitals.alert.AlertCondition;
import dev.vitals.alert.AlertInputs;
import dev.vitals.alert.AlertRules;
import dev.vitals.kpi.AccountFigures;
import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.EventDay;
import dev.vitals.kpi.KpiWindows;
import dev.vitals.kpi.ProfileView;
import dev.vitals.kpi.SurveyAnswer;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.HealthComponents;
import dev.vitals.schema.HealthFactor;
import dev.vitals.schema.Segment;
import dev.vitals.scoring.ComponentScores;
import dev.vitals.scoring.HealthAssessment;
import dev.vitals.scoring.HealthModel;
import dev.vitals.scoring.ScoringConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an account's state into its health record and alert transitions: KPIs as of the latest event time, the
 * score and explanation, the 7-day delta (against the closing score of the day 7 days earlier, recomputed from the
 * ledgers when a late event changes it, so the delta does not depend on when evaluations happened to run), and the
 * alert rules against the alerts already open. No Kafka here: the topology calls it from a punctuator, replay and
 * tests call it the same way.
 */
public final class HealthEvaluator {
  private static final int TOP_FACTORS = 5;
  /** The reason of the RESOLVED alerts an erasure emits. */
  public static final String ERASED_REASON = "account erased";

  private final ScoringConfig config;
  private final HealthModel model;
  private final AlertRules rules;
  private final String scoringKey;

  public HealthEvaluator(ScoringConfig config) {
    this.config = config;
    // Closing scores kept in the state are valid for this configuration only, version label or not.
    this.scoringKey = config.modelVersion() + "#" + Integer.toHexString(config.describe().hashCode());
    this.model = new HealthModel(config);
    this.rules = new AlertRules(config.alerts(), config.bands(), config.onboarding());
  }

  /**
   * Evaluates {@code state} as of its decision time ({@link #decisionTime}) and records the alert transitions in it.
   * {@code eventClock} is the latest usage event time the pipeline has seen for any account of the partition.
   */
  public Evaluation evaluate(AccountState state, Instant eventClock) {
    Instant asOf = decisionTime(state, eventClock);
    Instant usageAsOf = UsageHorizon.of(asOf, eventClock);
    Derived derived = state.derived instanceof Derived earlier && earlier.by() == this && earlier.asOf().equals(asOf)
        && earlier.usageAsOf().equals(usageAsOf) ? earlier : derive(state, asOf, usageAsOf);
    HealthAssessment assessment = derived.assessment();

    AlertInputs inputs = new AlertInputs(derived.kpis(), assessment.score(), assessment.band(),
        derived.history().peakWithin(config.alerts().scoreDropWindow()), derived.detractors(),
        state.daysWithoutUsage(usageAsOf), state.subscribedFor(usageAsOf),
        closesUpTo(derived.history().newestFirst(), EventDay.of(asOf), EventDay.of(usageAsOf)),
        // Past closes of usage stop at the usage horizon too: a gap in the usage source is no collapse.
        back -> state.usageAtClose(Math.min(EventDay.of(asOf) - back, EventDay.of(usageAsOf))),
        openFor(state, asOf), Duration.between(state.firstEventAt, asOf), assessment.coverage(),
        // Milestones are usage events: a gap in the usage source is no stalled onboarding either.
        state.onboardingAt(asOf, usageAsOf));
    List<ChurnAlert> changes = applyAlertTransitions(state, rules.holding(inputs), assessment, asOf);
    if (changes.isEmpty() && derived.health() != null) {
      // Nothing changed since the record last built from these ledgers, which was emitted then if it differed.
      return new Evaluation(derived.health(), false, changes, null);
    }

    AccountHealth health = healthRecord(state, derived.kpis(), assessment, derived.delta7d(), usageAsOf);
    boolean changed = changedSinceLastEmitted(state, health);
    state.derived = derived.withHealth(health);
    return new Evaluation(health, changed, changes, changed ? derived.figures() : null);
  }

  /**
   * The closing scores the score-based rules may read: none of a day after the usage horizon (a usage data gap for
   * the whole partition), which are scored on usage that was lost upstream rather than absent; the rules neither
   * raise nor resolve on a missing close.
   */
  private static List<Double> closesUpTo(List<Double> newestFirst, long today, long usageHorizonDay) {
    if (usageHorizonDay >= today - 1) {
      return newestFirst;
    }
    List<Double> closes = new ArrayList<>(newestFirst);
    for (int back = 1; back <= closes.size() && today - back > usageHorizonDay; back++) {
      closes.set(back - 1, null);
    }
    return closes;
  }

  private static Map<AlertRule, Duration> openFor(AccountState state, Instant asOf) {
    Map<AlertRule, Duration> openFor = new EnumMap<>(AlertRule.class);
    state.openAlerts.forEach((rule, raisedAt) -> openFor.put(rule, Duration.between(raisedAt, asOf)));
    return openFor;
  }

  /**
   * The instant an account is scored as of: its latest event, or the start of the event clock's day when that is
   * later. A customer who stops sending events (the very definition of a dormant one) is scored again as each day
   * starts, so time passing moves its score (days without usage, usage windows, renewal proximity) instead of
   * freezing it on the day it went silent; scoring at the start of the day rather than at the clock itself makes
   * that score depend on the day only, not on when in the day an evaluation happened to run.
   */
  public static Instant decisionTime(AccountState state, Instant eventClock) {
    Instant dayStart = EventDay.startOf(EventDay.of(eventClock));
    return dayStart.isAfter(state.latestEventAt) ? dayStart : state.latestEventAt;
  }

  /**
   * Whether {@code health} differs from the last record emitted (its event time included, so a record that reflects
   * a later event is new by that alone). The caller provides the last record after a restore (from the health view
   * store); null means none was ever emitted.
   */
  private static boolean changedSinceLastEmitted(AccountState state, AccountHealth health) {
    AccountHealth last = state.lastEmittedHealth;
    boolean changed = last == null || !health.getAsOf().equals(last.getAsOf()) || !health.equals(last);
    if (changed) {
      state.lastEmittedHealth = health;
    }
    return changed;
  }

  /** KPIs, score, past scores and detractors as of {@code asOf}: all that only its events and the day change. */
  private Derived derive(AccountState state, Instant asOf, Instant usageAsOf) {
    Segment segment = state.profile == null ? null : state.profile.segment();
    AccountState.Measured measured = state.measuredAt(asOf, usageAsOf);
    AccountKpis kpis = measured.kpis();
    HealthAssessment assessment = model.assess(kpis, segment);
    ScoreHistory history = ScoreHistory.of(model, scoringKey, state, segment, EventDay.of(asOf), historyDays());
    Double delta7d = history.deltaFrom(assessment.score(), KpiWindows.SCORE_HISTORY);
    return new Derived(this, asOf, usageAsOf, kpis, measured.figures(), assessment, history, delta7d,
        state.detractorsAt(asOf, config.alerts().detractorMaxScore()), null);
  }

  /**
   * What {@link #derive} computed as of {@code asOf} (usage as of {@code usageAsOf}), and the health record last built
   * from it (null before).
   */
  private record Derived(HealthEvaluator by, Instant asOf, Instant usageAsOf, AccountKpis kpis,
      AccountFigures figures, HealthAssessment assessment, ScoreHistory history, Double delta7d,
      List<SurveyAnswer> detractors, AccountHealth health) {

    Derived withHealth(AccountHealth built) {
      return new Derived(by, asOf, usageAsOf, kpis, figures, assessment, history, delta7d, detractors, built);
    }
  }

  /** How far back past scores are needed: the 7-day delta and the score-drop window, whichever is longer. */
  public Duration scoreHistory() {
    Duration window = config.alerts().scoreDropWindow();
    return window.compareTo(KpiWindows.SCORE_HISTORY) > 0 ? window : KpiWindows.SCORE_HISTORY;
  }

  private int historyDays() {
    return (int) scoreHistory().toDays();
  }

  private List<ChurnAlert> applyAlertTransitions(AccountState state, Map<AlertRule, AlertCondition> holding,
      HealthAssessment assessment, Instant asOf) {
    List<ChurnAlert> changes = new ArrayList<>();
    for (AlertRule rule : AlertRule.values()) {
      Instant raisedAt = state.openAlerts.get(rule);
      AlertCondition condition = holding.get(rule);
      if (raisedAt == null && condition != null) {
        state.openAlerts.put(rule, asOf);
        changes.add(alert(state, rule, AlertState.RAISED, asOf, condition.reason(), assessment.score(),
            assessment.band(), asOf));
      } else if (raisedAt != null && condition == null) {
        state.openAlerts.remove(rule);
        changes.add(alert(state, rule, AlertState.RESOLVED, raisedAt, "no longer holds", assessment.score(),
            assessment.band(), asOf));
      }
    }
    return changes;
  }

  /**
   * RESOLVED for each alert the account still has open, as of {@code erasedAt}: the account was erased, so nothing
   * will resolve them otherwise and the pager would keep paging. Score and band are those of the last health record
   * emitted ({@code lastHealth}, which an open alert always has: raising one changes the record); the open alerts
   * are cleared.
   */
  public List<ChurnAlert> resolveErased(AccountState state, AccountHealth lastHealth, Instant erasedAt) {
    List<ChurnAlert> resolved = new ArrayList<>();
    double score = lastHealth == null ? 0.0 : lastHealth.getScore();
    HealthBand band = lastHealth == null ? HealthBand.AT_RISK : lastHealth.getBand();
    state.openAlerts.forEach((rule, raisedAt) -> resolved.add(
        alert(state, rule, AlertState.RESOLVED, raisedAt, ERASED_REASON, score, band, erasedAt)));
    state.openAlerts.clear();
    return resolved;
  }

  private ChurnAlert alert(AccountState state, AlertRule rule, AlertState alertState, Instant raisedAt,
      String reason, double score, HealthBand band, Instant asOf) {
    ProfileView profile = state.profile;
    return ChurnAlert.newBuilder()
        .setAlertId(state.accountId + "/" + rule + "/" + raisedAt.toEpochMilli())
        .setAccountId(state.accountId)
        .setRule(rule)
        .setState(alertState)
        .setSeverity(AlertRules.severityOf(rule))
        .setScore(score)
        .setBand(band)
        .setReason(reason)
        .setSegment(profile == null ? null : profile.segment())
        .setCsm(profile == null ? null : profile.csm())
        .setOccurredAt(asOf)
        .setModelVersion(config.modelVersion())
        .build();
  }

  private AccountHealth healthRecord(AccountState state, AccountKpis kpis, HealthAssessment assessment,
      Double delta7d, Instant usageAsOf) {
    ProfileView profile = state.profile;
    ComponentScores components = assessment.components();
    return AccountHealth.newBuilder()
        .setAccountId(state.accountId)
        .setName(profile == null ? null : profile.name())
        .setSegment(profile == null ? null : profile.segment())
        .setCsm(profile == null ? null : profile.csm())
        .setScore(assessment.score())
        .setBand(assessment.band())
        .setComponents(new HealthComponents(components.usage(), components.support(), components.financial(),
            components.sentiment()))
        .setCoverage(assessment.coverage())
        .setDelta7d(delta7d)
        .setTopFactors(explanation(assessment, kpis.asOf(), usageAsOf))
        .setKpis(KpiValues.of(kpis))
        // A set in the rules' order: the order alerts were raised in depends on how evaluations were batched, which
        // must not show in the record.
        .setOpenAlerts(state.openAlerts.keySet().stream().sorted().toList())
        .setModelVersion(config.modelVersion())
        .setAsOf(kpis.asOf())
        .setFreshness(FreshnessView.of(state.freshness))
        .setAdoption(AdoptionRecord.of(state, kpis))
        .build();
  }

  /** The factors that moved the score most, then a line on a usage data gap when there is one (0 points). */
  private static List<HealthFactor> explanation(HealthAssessment assessment, Instant asOf, Instant usageAsOf) {
    List<HealthFactor> factors = new ArrayList<>(TOP_FACTORS + 1);
    assessment.top(TOP_FACTORS)
        .forEach(f -> factors.add(new HealthFactor(f.component().label(), f.name(), f.points(), f.detail())));
    HealthFactor gap = FreshnessView.usageGap(asOf, usageAsOf);
    if (gap != null) {
      factors.add(gap);
    }
    return factors;
  }
}
