package dev.vitals.replay;

import dev.vitals.agent.OfflineAgentBoard;
import dev.vitals.events.EventType;
import dev.vitals.events.EventValidator;
import dev.vitals.health.Evaluation;
import dev.vitals.health.HealthEvaluator;
import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.EventDay;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.UsageEvent;
import dev.vitals.scoring.PipelinePolicy;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.state.AccountBook;
import dev.vitals.topology.ErasedAccounts;
import dev.vitals.topology.EventChecks;
import dev.vitals.topology.MonthlyCost;
import dev.vitals.topology.RejectReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * The service's account pipeline, offline and in one thread, over the same domain code: the contract checks, the
 * de-duplication by eventId, the grace period, the account ledgers ({@link AccountBook}, decoded in memory and never
 * encoded: a replay never reads its state back) and the
 * evaluation of changed accounts with the emission rule of the live processor (a health record only when it
 * changed, alert transitions as they happen). The live processor evaluates pending accounts once per emit interval;
 * here they are evaluated every {@link #EVALUATE_EVERY} events and whenever the event clock enters a new day, when
 * every account is re-evaluated as the live one does. Nothing is kept of the outputs: they go to the consumers.
 */
final class ReplayPipeline {
  /** About what a live instance applies between two emissions at full speed. */
  static final int EVALUATE_EVERY = 10_000;

  private final EventValidator validator = new EventValidator();
  private final HealthEvaluator evaluator;
  private final PipelinePolicy policy;
  private final Duration reachBack;
  private final AccountBook accounts = AccountBook.inMemoryOnly();
  /** Every id seen: a replay's records are all produced at once, so no id ever leaves the de-duplication window. */
  private final Set<String> seenEventIds = new HashSet<>();
  /** In key order, as the live processor walks its pending store. */
  private final Set<String> pending = new TreeSet<>();
  /** The latest report per cost centre and month, as the live cost ledger keeps them. */
  private final Map<String, MonthlyCost> costs = new TreeMap<>();
  private final Consumer<AccountHealth> health;
  private final Consumer<ChurnAlert> alerts;
  private final Consumer<String> erasures;
  /** When each erased account was erased, as the live store of erased accounts keeps it. */
  private final Map<String, Instant> erased = new HashMap<>();
  private final OfflineAgentBoard agentBoard;
  private Instant clock = Instant.EPOCH;
  private int sinceEvaluation;

  ReplayPipeline(ScoringConfig config, Consumer<AccountHealth> health, Consumer<ChurnAlert> alerts,
      Consumer<String> erasures) {
    this.evaluator = new HealthEvaluator(config);
    this.policy = config.pipeline();
    this.reachBack = policy.grace().plus(evaluator.scoreHistory());
    this.agentBoard = new OfflineAgentBoard(policy.grace());
    this.health = health;
    this.alerts = alerts;
    this.erasures = erasures;
  }

  /** Takes one parsed event produced at {@code producedAt}; returns why it was refused, or null. */
  String accept(SpecificRecord event, Instant producedAt) {
    Optional<EventChecks.Refusal> invalid = EventChecks.invalidField(event, validator);
    if (invalid.isPresent()) {
      return invalid.get().line();
    }
    Instant occurredAt = EventType.occurredAt(event);
    Optional<EventChecks.Refusal> future = EventChecks.futureTimestamp(occurredAt, producedAt, policy.maxFutureSkew());
    if (future.isPresent()) {
      return future.get().line();
    }
    // Cost entries are not account events: the live topology keeps the latest report per centre and month apart,
    // without de-duplication (a re-sent report replaces itself).
    if (event instanceof CostEntry entry) {
      MonthlyCost cost = MonthlyCost.of(entry);
      if (cost.replaces(costs.get(cost.ledgerKey()))) {
        costs.put(cost.ledgerKey(), cost);
      }
      return null;
    }
    if (!seenEventIds.add(EventType.eventId(event))) {
      return null;
    }
    String accountId = EventType.accountId(event);
    AccountState state = accounts.find(accountId);
    Instant erasedAt = ErasedAccounts.stragglerOf(accountId, state, occurredAt, erased::get);
    if (erasedAt != null) {
      return new EventChecks.Refusal(RejectReason.ERASED_ACCOUNT, ErasedAccounts.detail(occurredAt, erasedAt)).line();
    }
    // The agent board sees every de-duplicated event but an erased account's stragglers, as the topology's agent
    // branch does, too-late ones included.
    agentBoard.accept(event);
    if (state != null && state.isTooLate(occurredAt, policy.grace())) {
      return new EventChecks.Refusal(RejectReason.TOO_LATE, state.tooLateDetail(occurredAt, policy.grace())).line();
    }
    if (event instanceof UsageEvent) {
      advanceClock(occurredAt);
    }
    accounts.apply(accountId, event, occurredAt);
    pending.add(accountId);
    if (++sinceEvaluation >= EVALUATE_EVERY) {
      evaluatePending();
    }
    return null;
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

  /**
   * Erases an account as the live processor does: what was pending for it is evaluated and emitted first, then its
   * state goes, its open alerts are resolved, and its health becomes a tombstone ({@code erasures}).
   */
  void erase(String accountId, Instant erasedAt) {
    if (pending.remove(accountId)) {
      evaluate(accountId);
    }
    AccountState state = accounts.erase(accountId);
    if (state != null && !state.openAlerts.isEmpty()) {
      evaluator.resolveErased(state, state.lastEmittedHealth, erasedAt).forEach(alerts);
    }
    agentBoard.erase(accountId);
    erased.merge(accountId, erasedAt, (before, now) -> now.isAfter(before) ? now : before);
    erasures.accept(accountId);
  }

  /** Evaluates every pending account and emits what changed. */
  void evaluatePending() {
    List<String> due = new ArrayList<>(pending);
    pending.clear();
    sinceEvaluation = 0;
    due.forEach(this::evaluate);
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

  /** Every account's state, for the portfolio KPIs. */
  void forEachAccount(Consumer<AccountState> action) {
    accounts.forEachAccount(accountId -> action.accept(accounts.find(accountId)));
  }

  /** Every month of spend kept, as the live cost ledger holds them. */
  Collection<MonthlyCost> costs() {
    return costs.values();
  }

  /** The agent board of the events replayed so far. */
  OfflineAgentBoard agentBoard() {
    return agentBoard;
  }

  /** The latest event time seen. */
  Instant clock() {
    return clock;
  }
}
