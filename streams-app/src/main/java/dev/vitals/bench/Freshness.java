package dev.vitals.bench;

import dev.vitals.events.EventType;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import dev.vitals.topology.EventTopics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Event-to-score latency at a fixed input rate: new usage events are fed to a pipeline that has consumed the
 * backlog, and each is matched to the first committed health record of its account whose {@code asOf} (the event
 * time it reflects) is at or after the event's {@code occurredAt}. Latency runs from the event's broker append time
 * to the health record's.
 *
 * <p>Only usage events are fed: one account's events then share one partition and reach the pipeline in the order
 * they were sent, so a health record that reflects a later event of the account also reflects every earlier one.
 *
 * @param rate events per second actually fed
 * @param matched events a health record reflected before the settle deadline
 * @param p99Visible p99 from append to the moment a read_committed consumer received the health record
 */
record Freshness(double rate, int sent, int matched, long p50, long p99, long max, long p99Visible) {
  static Freshness measure(BenchCluster cluster, List<String> accounts, double rate, Duration duration,
      Duration settle, PrintWriter out) {
    Feed feed = new Feed(cluster, accounts, (int) Math.ceil(rate * duration.toNanos() / 1e9) + 1);
    try (HealthWatcher watcher = HealthWatcher.start(cluster); KafkaProducer<byte[], byte[]> producer =
        producer(cluster.bootstrapServers())) {
      // The backlog ended a day or more ago. A task's first event of a new day re-evaluates all its accounts, and
      // an account's first event of a day prunes its ledgers: work that production spreads over a day, here due
      // for every account at once. One event per account does it before the clock starts.
      List<Integer> warmUp = new ArrayList<>();
      for (int a = 0; a < accounts.size(); a++) {
        warmUp.add(a);
      }
      long[] warmUpAt = new long[accounts.size()];
      warmUp.forEach(a -> warmUpAt[a] = feed.send(producer, a, -1));
      producer.flush();
      if (!feed.awaitReflected(watcher, warmUp, warmUpAt, Instant.now().plus(settle))) {
        out.println("  freshness: the warm-up events were not all reflected within " + settle + "; measuring anyway");
      }

      out.printf("  freshness: %.0f events/s for %s%n", rate, duration);
      out.flush();
      long started = System.nanoTime();
      long end = started + duration.toNanos();
      int sent = 0;
      for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
        long due = Math.min((long) ((now - started) / 1e9 * rate), feed.capacity());
        for (; sent < due; sent++) {
          feed.send(producer, feed.random.nextInt(accounts.size()), sent);
        }
        LockSupport.parkNanos(1_000_000);
      }
      double achieved = sent / ((System.nanoTime() - started) / 1e9);
      producer.flush();
      feed.check();
      List<Integer> fed = new ArrayList<>();
      for (int a = 0; a < accounts.size(); a++) {
        if (feed.lastOccurred[a] > warmUpAt[a]) {
          fed.add(a);
        }
      }
      feed.awaitReflected(watcher, fed, feed.lastOccurred, Instant.now().plus(settle));
      return feed.result(achieved, sent);
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** The fed events, what the broker said of each, and the health records seen for their accounts. */
  private static final class Feed {
    private static final UsageKind[] KINDS =
        {UsageKind.LOGIN, UsageKind.FEATURE_USED, UsageKind.FEATURE_USED, UsageKind.API_CALL};
    private static final String[] FEATURES = {null, "dashboards", "reports", "/v1/events"};

    final SplittableRandom random = new SplittableRandom(7);
    final long[] lastOccurred;
    private final List<String> accounts;
    private final EventTopics topics;
    private final String topic;
    private final int[] account;
    private final long[] occurred;
    private final long[] appended;
    private final long[] maxAsOf;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<HealthWatcher.Seen>> seen = new ArrayList<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Feed(BenchCluster cluster, List<String> accounts, int capacity) {
      this.accounts = accounts;
      this.topics = cluster.eventTopics();
      this.topic = topics.topicOf(EventType.USAGE);
      this.account = new int[capacity];
      this.occurred = new long[capacity];
      this.appended = new long[capacity];
      this.lastOccurred = new long[accounts.size()];
      this.maxAsOf = new long[accounts.size()];
      Arrays.fill(maxAsOf, Long.MIN_VALUE);
      for (int a = 0; a < accounts.size(); a++) {
        index.put(accounts.get(a), a);
        seen.add(new ArrayList<>());
      }
    }

    int capacity() {
      return account.length;
    }

    /** Sends one usage event for account {@code a}; {@code slot} -1 is a warm-up event, not measured. */
    long send(KafkaProducer<byte[], byte[]> producer, int a, int slot) {
      // Strictly later than the account's previous event, so each event has an event time of its own to look for.
      long at = Math.max(System.currentTimeMillis(), lastOccurred[a] + 1);
      lastOccurred[a] = at;
      int kind = (slot & Integer.MAX_VALUE) % KINDS.length;
      String id = accounts.get(a);
      UsageEvent event = UsageEvent.newBuilder()
          .setEventId("bench-fresh-" + id + "-" + at).setAccountId(id).setOccurredAt(Instant.ofEpochMilli(at))
          .setUserId(id + "-u00" + (at % 5)).setKind(KINDS[kind]).setFeature(FEATURES[kind]).build();
      if (slot >= 0) {
        account[slot] = a;
        occurred[slot] = at;
      }
      producer.send(new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8), topics.serialize(event)),
          (metadata, error) -> {
            if (error != null) {
              failure.compareAndSet(null, error);
            } else if (slot >= 0) {
              appended[slot] = metadata.timestamp();
            }
          });
      return at;
    }

    void check() {
      if (failure.get() != null) {
        throw new IllegalStateException("feeding fresh events failed: " + failure.get().getMessage(), failure.get());
      }
    }

    /**
     * Waits until every account in {@code wanted} has a health record at or after its {@code until} event time;
     * false when the deadline came first (the events not reflected are then counted as not matched).
     */
    boolean awaitReflected(HealthWatcher watcher, List<Integer> wanted, long[] until, Instant deadline) {
      while (true) {
        for (HealthWatcher.Seen record : watcher.drain()) {
          Integer a = index.get(record.account());
          if (a != null) {
            seen.get(a).add(record);
            maxAsOf[a] = Math.max(maxAsOf[a], record.asOf());
          }
        }
        if (wanted.stream().allMatch(a -> maxAsOf[a] >= until[a])) {
          return true;
        }
        if (Instant.now().isAfter(deadline)) {
          return false;
        }
        GroupProgress.pause(GroupProgress.POLL);
      }
    }

    /** Matches each fed event, in the order sent, to the first health record of its account that reflects it. */
    Freshness result(double rate, int sent) {
      int[] cursor = new int[accounts.size()];
      long[] latency = new long[sent];
      long[] visible = new long[sent];
      int matched = 0;
      for (int i = 0; i < sent; i++) {
        List<HealthWatcher.Seen> records = seen.get(account[i]);
        int c = cursor[account[i]];
        while (c < records.size() && records.get(c).asOf() < occurred[i]) {
          c++;
        }
        cursor[account[i]] = c;
        if (c < records.size()) {
          // Both ends are the broker's clock; never negative but for events appended within the same millisecond.
          latency[matched] = Math.max(0, records.get(c).appendedAt() - appended[i]);
          visible[matched] = Math.max(0, records.get(c).seenAt() - appended[i]);
          matched++;
        }
      }
      long[] sorted = Arrays.copyOf(latency, matched);
      Arrays.sort(sorted);
      long[] sortedVisible = Arrays.copyOf(visible, matched);
      Arrays.sort(sortedVisible);
      return new Freshness(rate, sent, matched, Percentiles.of(sorted, 0.50), Percentiles.of(sorted, 0.99),
          Percentiles.of(sorted, 1.0), Percentiles.of(sortedVisible, 0.99));
    }
  }
}
