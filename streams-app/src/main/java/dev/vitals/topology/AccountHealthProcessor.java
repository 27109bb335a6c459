package dev.vitals.topology;

import dev.vitals.health.Evaluation;
import dev.vitals.health.HealthEvaluator;
import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.EventDay;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.UsageEvent;
import dev.vitals.scoring.DataGapPolicy;
import dev.vitals.state.AccountBook;
import dev.vitals.state.StateFormatException;
import dev.vitals.state.StoredFigures;
import dev.vitals.state.StoredRetentionFigures;
import dev.vitals.state.stored.StoredAccountFigures;
import dev.vitals.state.stored.StoredRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each account's state and emits its health. Every accepted event is applied to the account's ledgers at
 * once, writing only the entries it touches ({@link AccountBook}), and the account is marked pending; a wall-clock
 * punctuator then evaluates the pending accounts and emits a health record for those whose health changed, plus
 * their alert transitions. Emitting once per interval rather
 * than once per event is what SPEC §5 measured as the cheaper design; the pending marks live in a changelogged
 * store, so a crash between an update and its emission still emits after restore.
 *
 * <p>The processor also keeps the task's event clock, the latest usage event time of any of its accounts. Each time
 * the clock enters a new UTC day every account is re-evaluated, so an account whose own events stopped (the very
 * definition of dormant) is still measured against time passing. Usage alone moves the clock: it is the densest
 * source, so the clock follows it closely, while a source that runs ahead of the others (Kafka Streams orders
 * records across topics on a best-effort basis) or one that goes quiet for everyone (a pipeline gap upstream) does
 * not make every account look silent.
 */
final class AccountHealthProcessor implements Processor<String, InboundEvent, String, HealthOutput> {
  private static final Logger log = LoggerFactory.getLogger(AccountHealthProcessor.class);
  private static final String CLOCK_KEY = "event-clock";
  /** A pending mark made by the clock entering a new day rather than by an event: no event latency to measure. */
  private static final long NO_EVENT = 0L;
  /** Decoded accounts a task keeps in memory (a read cache; see AccountBook): enough for a busy partition. */
  private static final int CACHED_ACCOUNTS = 10_000;
  /** However far behind a task is, pending accounts are evaluated on one tick in this many at least (5 s). */
  static final int BACKLOG_TICKS = 50;

  private final HealthEvaluator evaluator;
  private final DataGapPolicy dataGap;
  private final Duration grace;
  private final Duration emitInterval;
  /** In memory only: which cadence to evaluate at is a matter of speed, never of results. */
  private long latestRecordTimestamp;
  private int ticksSinceEvaluation;
  private ProcessorContext<String, HealthOutput> context;
  private AccountBook accounts;
  private KeyValueStore<String, Long> pending;
  private KeyValueStore<String, Long> clock;
  private Instant knownClock;
  private KeyValueStore<String, AccountHealth> healthView;
  private KeyValueStore<String, StoredAccountFigures> figures;
  private KeyValueStore<String, StoredRetention> retention;
  private KeyValueStore<String, Long> erased;
  private PipelineSensors sensors;
  private SourceClocks sourceClocks;

  AccountHealthProcessor(HealthEvaluator evaluator, DataGapPolicy dataGap, Duration grace, Duration emitInterval) {
    this.evaluator = evaluator;
    this.dataGap = dataGap;
    this.grace = grace;
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, HealthOutput> context) {
    this.context = context;
    // A new book on every init: a task revived after an aborted transaction must not see decoded state that the
    // restore has rolled back.
    this.accounts = new AccountBook(new StreamsAccountStore(context.getStateStore(StoreNames.ACCOUNT_SUMMARY),
        context.getStateStore(StoreNames.ACCOUNT_LEDGER)), CACHED_ACCOUNTS);
    this.pending = context.getStateStore(StoreNames.PENDING_ACCOUNTS);
    this.clock = context.getStateStore(StoreNames.EVENT_CLOCK);
    this.knownClock = null;
    this.healthView = context.getStateStore(StoreNames.ACCOUNT_HEALTH);
    this.figures = context.getStateStore(StoreNames.ACCOUNT_FIGURES);
    this.retention = context.getStateStore(StoreNames.ACCOUNT_RETENTION);
    this.erased = context.getStateStore(StoreNames.ERASED_ACCOUNTS);
    this.sensors = new PipelineSensors(context.metrics());
    this.sourceClocks = new SourceClocks(clock, dataGap, context.taskId().toString());
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::tick);
  }

  @Override
  public void process(Record<String, InboundEvent> record) {
    InboundEvent event = record.value();
    latestRecordTimestamp = Math.max(latestRecordTimestamp, record.timestamp());
    if (event.isErasure()) {
      erase(event.accountId(), event.occurredAt());
      return;
    }
    AccountState state = accounts.find(event.accountId());
    Instant erasedAt = ErasedAccounts.stragglerOf(event.accountId(), state, event.occurredAt(), this::erasedAt);
    if (erasedAt != null) {
      rejectErased(record, erasedAt);
      return;
    }
    if (state != null && state.isTooLate(event.occurredAt(), grace)) {
      rejectTooLate(record, state);
      return;
    }
    try {
      accounts.apply(event.accountId(), event.payload(), event.occurredAt());
    } catch (RuntimeException e) {
      // The record goes to the processing-error policy; the account in memory must not keep half of it.
      accounts.forget(event.accountId());
      throw e;
    }
    if (event.payload() instanceof UsageEvent) {
      advanceClock(event.occurredAt());
    }
    sourceClocks.advance(event.payload(), event.occurredAt());
    // The value is when the oldest not-yet-evaluated event was produced: the start of its event-to-score latency.
    Long pendingSince = pending.get(event.accountId());
    if (pendingSince == null || pendingSince == NO_EVENT) {
      pending.put(event.accountId(), record.timestamp());
    }
  }

  private void advanceClock(Instant occurredAt) {
    Instant previous = eventClock();
    if (!occurredAt.isAfter(previous)) {
      return;
    }
    clock.put(CLOCK_KEY, occurredAt.toEpochMilli());
    knownClock = occurredAt;
    if (EventDay.of(occurredAt) > EventDay.of(previous) && !previous.equals(Instant.EPOCH)) {
      markEveryAccountPending();
    }
  }

  /** Read from its store once per init, then kept in step with every write (it is read on every event). */
  private Instant eventClock() {
    if (knownClock == null) {
      Long millis = clock.get(CLOCK_KEY);
      knownClock = millis == null ? Instant.EPOCH : Instant.ofEpochMilli(millis);
    }
    return knownClock;
  }

  private void markEveryAccountPending() {
    accounts.forEachAccount(accountId -> pending.putIfAbsent(accountId, NO_EVENT));
  }

  private Instant erasedAt(String accountId) {
    Long millis = erased.get(accountId);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  /**
   * Erases the account from every store this task keeps it in, after announcing what was still pending for it (so
   * live and replay emit the same whatever the emit cadence): its open alerts are resolved, its health record
   * becomes a tombstone, and only the erasure time is kept, for its stragglers. The scan is of this one account's
   * ledger entries; an erasure of an unknown account still writes the tombstone (erasing is idempotent).
   */
  private void erase(String accountId, Instant erasedAt) {
    Long pendingSince = pending.get(accountId);
    if (pendingSince != null) {
      evaluateOrSkip(accountId, eventClock(), pendingSince);
    }
    AccountState state = accounts.erase(accountId);
    long at = erasedAt.toEpochMilli();
    if (state != null && !state.openAlerts.isEmpty()) {
      AccountHealth last = state.lastEmittedHealth != null ? state.lastEmittedHealth : healthView.get(accountId);
      for (ChurnAlert alert : evaluator.resolveErased(state, last, erasedAt)) {
        context.forward(new Record<>(accountId, new HealthOutput.AlertChange(alert), at));
        sensors.alertTransition(alert.getRule(), alert.getState());
      }
    }
    pending.delete(accountId);
    healthView.delete(accountId);
    figures.delete(accountId);
    retention.delete(accountId);
    Instant before = erasedAt(accountId);
    if (before == null || erasedAt.isAfter(before)) {
      erased.put(accountId, at);
    }
    context.forward(new Record<>(accountId, new HealthOutput.Erased(accountId), at));
    sensors.erased();
  }

  private void rejectErased(Record<String, InboundEvent> record, Instant erasedAt) {
    InboundEvent event = record.value();
    sensors.rejected(context.recordMetadata().map(RecordMetadata::topic).orElse("unknown"),
        RejectReason.ERASED_ACCOUNT);
    DeadLetter straggler = DeadLetters.of(context, RejectReason.ERASED_ACCOUNT,
        ErasedAccounts.detail(event.occurredAt(), erasedAt), event.rawKey(), event.rawValue());
    context.forward(record.withValue(new HealthOutput.Late(straggler)));
  }

  private void rejectTooLate(Record<String, InboundEvent> record, AccountState state) {
    InboundEvent event = record.value();
    String detail = state.tooLateDetail(event.occurredAt(), grace);
    sensors.rejected(context.recordMetadata().map(RecordMetadata::topic).orElse("unknown"), RejectReason.TOO_LATE);
    DeadLetter late = DeadLetters.of(context, RejectReason.TOO_LATE, detail, event.rawKey(), event.rawValue());
    context.forward(record.withValue(new HealthOutput.Late(late)));
  }

  /**
   * Every emit interval: evaluates the pending accounts, less often the further the task is behind the head of its
   * input (how long ago its latest record was appended): every tick while within four intervals of it, then one
   * tick in {@code lag / (4 × interval)}, at most one in {@link #BACKLOG_TICKS}. Caught up, that keeps
   * event-to-score latency to about one interval; through a backlog, where the events are old anyway, each account
   * gathers more events per evaluation, so evaluation does not starve the intake; in between it degrades smoothly
   * rather than at a threshold. Outputs do not depend on this batching.
   */
  void tick(long wallClockMillis) {
    long lag = Math.max(0, wallClockMillis - latestRecordTimestamp);
    long ticksDue = Math.min(BACKLOG_TICKS, Math.max(1, lag / (4 * emitInterval.toMillis())));
    if (++ticksSinceEvaluation < ticksDue) {
      return;
    }
    ticksSinceEvaluation = 0;
    emitPending();
  }

  /** Evaluates every pending account, emits what changed, and clears the marks. */
  void emitPending() {
    Instant now = eventClock();
    for (KeyValue<String, Long> mark : pendingAccounts()) {
      evaluateOrSkip(mark.key, now, mark.value);
    }
  }

  private void evaluateOrSkip(String accountId, Instant now, long pendingSince) {
    try {
      evaluate(accountId, now, pendingSince);
    } catch (RuntimeException e) {
      // What the failed evaluation changed in memory must not outlive it: the next read decodes the stores.
      accounts.forget(accountId);
      if (ProcessingErrorPolicy.isRetriable(e) || e instanceof StateFormatException) {
        throw e;
      }
      // A defect on this account's data: leave it until its next event rather than failing it every tick, and
      // never let it hold up the other accounts.
      log.error("evaluating account {} failed; it is evaluated again on its next event", accountId, e);
      sensors.evaluationFailed();
      pending.delete(accountId);
    }
  }

  private void evaluate(String accountId, Instant now, long pendingSince) {
    AccountState state = accounts.find(accountId);
    if (state == null) {
      // A pending mark without state: left by a release whose state this one does not read (see operations.md).
      pending.delete(accountId);
      return;
    }
    if (state.lastEmittedHealth == null) {
      // Not in memory after a restore (or an eviction): the health view holds the last record emitted.
      state.lastEmittedHealth = healthView.get(accountId);
    }
    Evaluation evaluation = evaluator.evaluate(state, now);
    accounts.saveEvaluated(state, grace.plus(evaluator.scoreHistory()));
    pending.delete(accountId);
    // The records carry the instant the account was scored as of: its latest event, or a later day's start.
    long eventTime = evaluation.health().getAsOf().toEpochMilli();
    if (evaluation.healthChanged()) {
      healthView.put(accountId, evaluation.health());
      figures.put(accountId, StoredFigures.toStored(evaluation.figures()));
      retention.put(accountId, StoredRetentionFigures.of(state.billing, evaluation.health().getAsOf()));
      context.forward(new Record<>(accountId, new HealthOutput.HealthUpdate(evaluation.health()), eventTime));
      sensors.emitted();
      if (pendingSince != NO_EVENT) {
        sensors.latency(Math.max(0, context.currentSystemTimeMs() - pendingSince));
      }
    }
    for (ChurnAlert alert : evaluation.alertChanges()) {
      context.forward(new Record<>(accountId, new HealthOutput.AlertChange(alert), eventTime));
      sensors.alertTransition(alert.getRule(), alert.getState());
    }
  }

  /** The marks are copied out first: the store is written while they are evaluated. */
  private List<KeyValue<String, Long>> pendingAccounts() {
    List<KeyValue<String, Long>> marks = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = pending.all()) {
      all.forEachRemaining(marks::add);
    }
    return marks;
  }

  @Override
  public void close() {
    accounts.forgetAll();
  }
}
