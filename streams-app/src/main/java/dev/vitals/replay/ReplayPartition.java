package dev.vitals.replay;

import dev.vitals.health.Evaluation;
import dev.vitals.health.HealthEvaluator;
import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.EventDay;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.state.AccountBook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * The accounts of one input partition, as one stream task of the live service holds them: their ledgers, their
 * pending marks and the task's own event clock (the latest usage time of any of its accounts). The clock is per
 * partition because the live one is per task: a new day on it re-evaluates only this partition's accounts, and a
 * silent account is scored as of its own partition's clock, not the latest event anywhere.
 */
final class ReplayPartition {
  /** About what a live instance applies between two emissions at full speed. */
  static final int EVALUATE_EVERY = 10_000;

  private final HealthEvaluator evaluator;
  private final Duration reachBack;
  private final Consumer<AccountHealth> health;
  private final Consumer<ChurnAlert> alerts;
  private final AccountBook accounts = AccountBook.inMemoryOnly();
  /** In key order, as the live processor walks its pending store. */
  private final Set<String> pending = new TreeSet<>();
  private Instant clock = Instant.EPOCH;
  private int sinceEvaluation;

  ReplayPartition(HealthEvaluator evaluator, Duration reachBack, Consumer<AccountHealth> health,
      Consumer<ChurnAlert> alerts) {
    this.evaluator = evaluator;
    this.reachBack = reachBack;
    this.health = health;
    this.alerts = alerts;
  }

  AccountState find(String accountId) {
    return accounts.find(accountId);
  }

  /** Applies an accepted event; {@code movesClock} for usage, the one source the live clock follows. */
  void apply(String accountId, SpecificRecord event, Instant occurredAt, boolean movesClock) {
    if (movesClock) {
      advanceClock(occurredAt);
    }
    accounts.apply(accountId, event, occurredAt);
    pending.add(accountId);
    if (++sinceEvaluation >= EVALUATE_EVERY) {
      evaluatePending();
    }
  }

  private void advanceClock(Instant occurredAt) {
    if (!occurredAt.isAfter(clock)) {
      return;
    }
    boolean newDay = !clock.equals(Instant.EPOCH) && EventDay.of(occurredAt) > EventDay.of(clock);
    if (newDay) {
      // Close the day as it stands, then re-evaluate every account against the new day (dormancy and the like).
      evaluatePending();
      accounts.forEachAccount(pending::add);
    }
    clock = occurredAt;
  }

  /** Evaluates every pending account and emits what changed. */
  void evaluatePending() {
    List<String> due = new ArrayList<>(pending);
    pending.clear();
    sinceEvaluation = 0;
    due.forEach(this::evaluate);
  }

  /**
   * Erases an account as the live processor does: what was pending for it is evaluated and emitted first, then its
   * state goes and its open alerts are resolved (the caller writes the tombstone and keeps the erasure time).
   */
  void erase(String accountId, Instant erasedAt) {
    if (pending.remove(accountId)) {
      evaluate(accountId);
    }
    AccountState state = accounts.erase(accountId);
    if (state != null && !state.openAlerts.isEmpty()) {
      evaluator.resolveErased(state, state.lastEmittedHealth, erasedAt).forEach(alerts);
    }
  }

  private void evaluate(String accountId) {
    AccountState state = accounts.find(accountId);
    Evaluation evaluation = evaluator.evaluate(state, clock);
    accounts.saveEvaluated(state, reachBack);
    if (evaluation.healthChanged()) {
      health.accept(evaluation.health());
    }
    evaluation.alertChanges().forEach(alerts);
  }

  void forEachAccount(Consumer<AccountState> action) {
    accounts.forEachAccount(accountId -> action.accept(accounts.find(accountId)));
  }

  /** This partition's event clock. */
  Instant clock() {
    return clock;
  }
}
