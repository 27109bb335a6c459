package dev.vitals.health;

import dev.vitals.alert.AlertCondition;
import dev.vitals.alert.AlertInputs;
import dev.vitals.alert.AlertRules;
import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.KpiWindows;
import dev.vitals.kpi.ProfileView;
import dev.vitals.kpi.SurveyAnswer;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.HealthComponents;
import dev.vitals.schema.HealthFactor;
import dev.vitals.schema.Segment;
import dev.vitals.scoring.ComponentScores;
import dev.vitals.scoring.HealthAssessment;
import dev.vitals.scoring.HealthModel;
import dev.vitals.scoring.ScoringConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Turns an account's state into its health record and alert transitions: KPIs as of the latest event time, the
 * score and explanation, the 7-day delta (against the closing score of the day 7 days earlier, recomputed from the
 * ledgers when a late event changes it, so the delta does not depend on when evaluations happened to run), and the alert rules against the alerts already open. No Kafka here:
 * the topology calls it from a punctuator, replay and tests call it the same way.
 */
public final class HealthEvaluator {
  private static final int TOP_FACTORS = 5;

  private final ScoringConfig config;
  private final HealthModel model;
  private final AlertRules rules;
  private final SpecificDatumWriter<AccountHealth> fingerprintWriter =
      new SpecificDatumWriter<>(AccountHealth.class);
  // Reused for every fingerprint: an evaluator belongs to one stream task (or to replay), never shared by threads.
  private final ByteArrayOutputStream fingerprintBytes = new ByteArrayOutputStream(1024);
  private BinaryEncoder fingerprintEncoder;

  public HealthEvaluator(ScoringConfig config) {
    this.config = config;
    this.model = new HealthModel(config);
    this.rules = new AlertRules(config.alerts(), config.bands().atRiskBelow());
  }

  /**
   * Evaluates {@code state} as of its latest event time and records the alert transitions in it. {@code eventClock}
   * is the latest event time the pipeline has seen for any account (at least the account's own): dormancy is
   * measured against it, because a dormant account is precisely one whose own events stop.
   */
  public Evaluation evaluate(AccountState state, Instant eventClock) {
    Instant asOf = state.latestEventAt;
    Instant now = eventClock.isAfter(asOf) ? eventClock : asOf;
    Derived derived = state.derived instanceof Derived earlier && earlier.by() == this ? earlier : derive(state);
    HealthAssessment assessment = derived.assessment();

    AlertInputs inputs = new AlertInputs(derived.kpis(), assessment.score(), assessment.band(),
        derived.history().peakWithin(config.alerts().scoreDropWindow()), derived.detractors(),
        state.daysWithoutUsage(now), state.subscribedFor(now), derived.history().newestFirst(),
        state.openAlerts.keySet());
    List<ChurnAlert> changes = applyAlertTransitions(state, rules.holding(inputs), assessment, asOf);
    if (changes.isEmpty() && derived.health() != null) {
      // Nothing changed since the record last built from these ledgers, which was emitted then if it differed.
      return new Evaluation(derived.health(), false, changes);
    }

    AccountHealth health = healthRecord(state, derived.kpis(), assessment, derived.delta7d());
    boolean changed = changedSinceLastEmitted(state, health);
    state.derived = derived.withHealth(health);
    return new Evaluation(health, changed, changes);
  }

  /**
   * Whether {@code health} differs from the last record emitted. One that reflects another event time differs by
   * that alone, and needs no fingerprint (taking one was a quarter of an evaluation's cost). With the same event
   * time it is compared with the last record emitted, kept in memory; after a restore, when that is gone, with its
   * fingerprint. The fingerprint of a record emitted for a new event time is not taken (0), so the first such
   * comparison after a restore (or after the account left the in-memory cache) counts as changed: at most one
   * identical record more.
   */
  private boolean changedSinceLastEmitted(AccountState state, AccountHealth health) {
    boolean changed;
    if (!health.getAsOf().equals(state.lastEmittedAsOf)) {
      state.lastEmittedAsOf = health.getAsOf();
      state.lastEmittedFingerprint = 0;
      changed = true;
    } else if (state.lastEmittedHealth != null) {
      changed = !health.equals(state.lastEmittedHealth);
    } else {
      long fingerprint = fingerprint(health);
      changed = fingerprint != state.lastEmittedFingerprint;
      state.lastEmittedFingerprint = fingerprint;
    }
    if (changed || state.lastEmittedHealth == null) {
      state.lastEmittedHealth = health;
    }
    return changed;
  }

  /** KPIs, score, past scores and detractors as of the account's latest event: all that only its events change. */
  private Derived derive(AccountState state) {
    Instant asOf = state.latestEventAt;
    Segment segment = state.profile == null ? null : state.profile.segment();
    AccountKpis kpis = state.kpisAt(asOf);
    HealthAssessment assessment = model.assess(kpis, segment);
    ScoreHistory history = ScoreHistory.of(model, config.modelVersion(), state, segment, historyDays());
    return new Derived(this, kpis, assessment, history, history.deltaFrom(assessment.score(), KpiWindows.SCORE_HISTORY),
        state.detractorsAt(asOf, config.alerts().detractorMaxScore()), null);
  }

  /** What {@link #derive} computed, and the health record last built from it (null before the first). */
  private record Derived(HealthEvaluator by, AccountKpis kpis, HealthAssessment assessment, ScoreHistory history,
      Double delta7d, List<SurveyAnswer> detractors, AccountHealth health) {

    Derived withHealth(AccountHealth built) {
      return new Derived(by, kpis, assessment, history, delta7d, detractors, built);
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
        changes.add(alert(state, rule, AlertState.RAISED, asOf, condition.reason(), assessment, asOf));
      } else if (raisedAt != null && condition == null) {
        state.openAlerts.remove(rule);
        changes.add(alert(state, rule, AlertState.RESOLVED, raisedAt, "no longer holds", assessment, asOf));
      }
    }
    return changes;
  }

  private ChurnAlert alert(AccountState state, AlertRule rule, AlertState alertState, Instant raisedAt,
      String reason, HealthAssessment assessment, Instant asOf) {
    ProfileView profile = state.profile;
    return ChurnAlert.newBuilder()
        .setAlertId(state.accountId + "/" + rule + "/" + raisedAt.toEpochMilli())
        .setAccountId(state.accountId)
        .setRule(rule)
        .setState(alertState)
        .setSeverity(AlertRules.severityOf(rule))
        .setScore(assessment.score())
        .setBand(assessment.band())
        .setReason(reason)
        .setSegment(profile == null ? null : profile.segment())
        .setCsm(profile == null ? null : profile.csm())
        .setOccurredAt(asOf)
        .setModelVersion(config.modelVersion())
        .build();
  }

  private AccountHealth healthRecord(AccountState state, AccountKpis kpis, HealthAssessment assessment,
      Double delta7d) {
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
        .setTopFactors(assessment.top(TOP_FACTORS).stream()
            .map(f -> new HealthFactor(f.component().label(), f.name(), f.points(), f.detail()))
            .toList())
        .setKpis(KpiValues.of(kpis))
        // A set in the rules' order: the state's map keeps the order alerts were raised in once it has been through
        // its JSON serde, and that order depends on how evaluations were batched, which must not show in the record.
        .setOpenAlerts(state.openAlerts.keySet().stream().sorted().toList())
        .setModelVersion(config.modelVersion())
        .setAsOf(kpis.asOf())
        .build();
  }

  /**
   * A 64-bit fingerprint of the whole record, its event time included: the last record emitted for an account then
   * always reflects its latest event, whatever the batching (a record that left out an event which changed nothing
   * else would carry an older time in the live pipeline than in replay).
   */
  private long fingerprint(AccountHealth health) {
    fingerprintBytes.reset();
    fingerprintEncoder = EncoderFactory.get().directBinaryEncoder(fingerprintBytes, fingerprintEncoder);
    try {
      fingerprintWriter.write(health, fingerprintEncoder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SchemaNormalization.fingerprint64(fingerprintBytes.toByteArray());
  }
}
