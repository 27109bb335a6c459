package dev.vitals.replay;

import dev.vitals.agent.OfflineAgentBoard;
import dev.vitals.events.EventType;
import dev.vitals.events.EventValidator;
import dev.vitals.health.HealthEvaluator;
import dev.vitals.kpi.AccountState;
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
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * The service's account pipeline, offline and in one thread, over the same domain code: the contract checks, the
 * de-duplication by eventId, the grace period, the account ledgers ({@link AccountBook}, decoded in memory and never
 * encoded: a replay never reads its state back) and the
 * evaluation of changed accounts with the emission rule of the live processor (a health record only when it
 * changed, alert transitions as they happen). The accounts are split over {@link AccountPartitions} as the input
 * topics split them, one {@link ReplayPartition} (with its own event clock) per partition, as the live service runs
 * one task per partition. The live processor evaluates pending accounts once per emit interval; here a partition's
 * are evaluated every {@link ReplayPartition#EVALUATE_EVERY} of its events and whenever its event clock enters a new day, when
 * every account of the partition is re-evaluated as the live one does. Nothing is kept of the outputs: they go to the
 * consumers.
 */
final class ReplayPipeline {
  private final EventValidator validator = new EventValidator();
  private final PipelinePolicy policy;
  private final AccountPartitions partitioner;
  private final ReplayPartition[] partitions;
  /** Every id seen: a replay's records are all produced at once, so no id ever leaves the de-duplication window. */
  private final Set<String> seenEventIds = new HashSet<>();
  /** The latest report per cost centre and month, as the live cost ledger keeps them. */
  private final Map<String, MonthlyCost> costs = new TreeMap<>();
  private final Consumer<String> erasures;
  /** When each erased account was erased, as the live store of erased accounts keeps it. */
  private final Map<String, Instant> erased = new HashMap<>();
  private final OfflineAgentBoard agentBoard;

  ReplayPipeline(ScoringConfig config, AccountPartitions partitioner, Consumer<AccountHealth> health,
      Consumer<ChurnAlert> alerts, Consumer<String> erasures) {
    HealthEvaluator evaluator = new HealthEvaluator(config);
    this.policy = config.pipeline();
    this.partitioner = partitioner;
    this.partitions = new ReplayPartition[partitioner.count()];
    for (int p = 0; p < partitions.length; p++) {
      partitions[p] = new ReplayPartition(evaluator, policy.grace().plus(evaluator.scoreHistory()), health, alerts);
    }
    this.agentBoard = new OfflineAgentBoard(policy.grace());
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
    ReplayPartition partition = partitions[partitioner.of(accountId)];
    AccountState state = partition.find(accountId);
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
    partition.apply(accountId, event, occurredAt, event instanceof UsageEvent);
    return null;
  }

  /**
   * Erases an account as the live processor does, in its partition: what was pending for it is emitted first, then
   * its state goes, its open alerts are resolved, and its health becomes a tombstone ({@code erasures}).
   */
  void erase(String accountId, Instant erasedAt) {
    partitions[partitioner.of(accountId)].erase(accountId, erasedAt);
    agentBoard.erase(accountId);
    erased.merge(accountId, erasedAt, (before, now) -> now.isAfter(before) ? now : before);
    erasures.accept(accountId);
  }

  /** Evaluates every pending account of every partition and emits what changed. */
  void evaluatePending() {
    for (ReplayPartition partition : partitions) {
      partition.evaluatePending();
    }
  }

  /** Every account's state, for the portfolio KPIs. */
  void forEachAccount(Consumer<AccountState> action) {
    for (ReplayPartition partition : partitions) {
      partition.forEachAccount(action);
    }
  }

  /** Every month of spend kept, as the live cost ledger holds them. */
  Collection<MonthlyCost> costs() {
    return costs.values();
  }

  /** The agent board of the events replayed so far. */
  OfflineAgentBoard agentBoard() {
    return agentBoard;
  }

  /** The latest event time seen: the latest of the partitions' event clocks. */
  Instant clock() {
    Instant latest = Instant.EPOCH;
    for (ReplayPartition partition : partitions) {
      latest = partition.clock().isAfter(latest) ? partition.clock() : latest;
    }
    return latest;
  }
}
