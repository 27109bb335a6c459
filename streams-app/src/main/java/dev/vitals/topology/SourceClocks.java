package dev.vitals.topology;

import dev.vitals.kpi.DataSource;
import dev.vitals.scoring.DataGapPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's clock per source (the latest event time of each source over all its accounts) and the data gaps they
 * show (SPEC §8): a source is in a gap once it is silent for every account for longer than its threshold
 * ({@link DataGapPolicy}), measured against the task's latest event of any source. Event time, not the wall clock, so
 * a replay of a history and the live pipeline see the same gaps, and a backlog being worked through shows none that
 * the events themselves do not. Kept in the event-clock store (changelogged) under keys of their own, so they survive
 * restarts and move with the task; {@code /metrics} reads them from there at scrape time. A gap starts and ends
 * only when an event moves a clock, so each event costs at most four comparisons and one or two cached writes.
 */
public final class SourceClocks {
  private static final Logger log = LoggerFactory.getLogger(SourceClocks.class);
  private static final String LAST_EVENT = "last-event/";
  private static final String DATA_GAP = "data-gap/";

  private final KeyValueStore<String, Long> store;
  private final DataGapPolicy policy;
  private final String task;
  /** The store's values, read once per init and kept in step with every write. */
  private final Map<DataSource, Long> latest = new EnumMap<>(DataSource.class);
  private final Map<DataSource, Long> gapSince = new EnumMap<>(DataSource.class);

  SourceClocks(KeyValueStore<String, Long> store, DataGapPolicy policy, String task) {
    this.store = store;
    this.policy = policy;
    this.task = task;
    for (DataSource source : DataSource.all()) {
      restore(latest, source, store.get(lastEventKey(source)));
      restore(gapSince, source, store.get(dataGapKey(source)));
    }
  }

  /** The key of a source's clock (epoch millis). */
  public static String lastEventKey(DataSource source) {
    return LAST_EVENT + source.label();
  }

  /** The key present while a source is in a gap; its value is the source's clock when the gap began. */
  public static String dataGapKey(DataSource source) {
    return DATA_GAP + source.label();
  }

  /** Moves the clock of {@code event}'s source when the event is its latest, and starts or ends gaps with it. */
  void advance(Object event, Instant occurredAt) {
    DataSource source = DataSource.of(event);
    long at = occurredAt.toEpochMilli();
    Long previous = source == null ? null : latest.get(source);
    if (source == null || previous != null && at <= previous) {
      return;
    }
    latest.put(source, at);
    store.put(lastEventKey(source), at);
    long newest = at;
    for (long clock : latest.values()) {
      newest = Math.max(newest, clock);
    }
    for (Map.Entry<DataSource, Long> clock : latest.entrySet()) {
      track(clock.getKey(), clock.getValue(), newest);
    }
  }

  private void track(DataSource source, long clock, long newest) {
    boolean inGap = newest - clock > policy.of(source).toMillis();
    Long since = gapSince.get(source);
    if (inGap && since == null) {
      gapSince.put(source, clock);
      store.put(dataGapKey(source), clock);
      log.warn("data gap on task {}: no {} event for any account since {}, {} before the latest event ({})", task,
          source.label(), Instant.ofEpochMilli(clock), Duration.ofMillis(newest - clock), Instant.ofEpochMilli(newest));
    } else if (!inGap && since != null) {
      gapSince.remove(source);
      store.delete(dataGapKey(source));
      log.info("data gap on task {} over: {} events flow again (silent from {} to {})", task, source.label(),
          Instant.ofEpochMilli(since), Instant.ofEpochMilli(clock));
    }
  }

  private static void restore(Map<DataSource, Long> into, DataSource source, Long value) {
    if (value != null) {
      into.put(source, value);
    }
  }
}
