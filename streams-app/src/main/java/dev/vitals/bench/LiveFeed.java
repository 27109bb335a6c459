package dev.vitals.bench;

import dev.vitals.events.EventType;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import dev.vitals.topology.EventTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Live usage traffic for a soak: events of the backlog's accounts, stamped with the wall clock, sent at the rate
 * its plan gives for each moment, on a thread of its own that stops by itself when the plan is over (or when
 * closed). Nothing is kept per event, so a soak of any length runs in constant memory.
 */
final class LiveFeed implements AutoCloseable {
  private static final UsageKind[] KINDS =
      {UsageKind.LOGIN, UsageKind.FEATURE_USED, UsageKind.FEATURE_USED, UsageKind.API_CALL};
  private static final String[] FEATURES = {null, "dashboards", "reports", "/v1/events"};

  private final List<String> accounts;
  private final EventTopics topics;
  private final String topic;
  private final SoakPlan plan;
  private final KafkaProducer<byte[], byte[]> producer;
  private final SplittableRandom random = new SplittableRandom(11);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile long startedNanos;

  LiveFeed(BenchCluster cluster, List<String> accounts, SoakPlan plan) {
    this.accounts = accounts;
    this.topics = cluster.eventTopics();
    this.topic = topics.topicOf(EventType.USAGE);
    this.plan = plan;
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    this.thread = new Thread(this::feed, "vitals-soak-feed");
  }

  LiveFeed start() {
    startedNanos = System.nanoTime();
    thread.start();
    return this;
  }

  /** Time since the feed started: the plan's clock. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  long sent() {
    return sent.get();
  }

  /** Fails the soak when the broker refused an event: a soak that lost input would measure nothing. */
  void check() {
    if (failure.get() != null) {
      throw new IllegalStateException("the soak's feed failed: " + failure.get().getMessage(), failure.get());
    }
  }

  private void feed() {
    long count = 0;
    while (!stopping) {
      Duration elapsed = elapsed();
      if (plan.phaseAt(elapsed) == SoakPlan.Phase.OVER) {
        break;
      }
      for (long due = plan.dueBy(elapsed); count < due && !stopping; count++) {
        send(count);
      }
      sent.set(count);
      LockSupport.parkNanos(1_000_000);
    }
    producer.flush();
  }

  private void send(long n) {
    String account = accounts.get(random.nextInt(accounts.size()));
    int kind = (int) (n % KINDS.length);
    UsageEvent event = UsageEvent.newBuilder()
        .setEventId("soak-" + n).setAccountId(account).setOccurredAt(Instant.now())
        .setUserId(account + "-u00" + (n % 5)).setKind(KINDS[kind]).setFeature(FEATURES[kind]).build();
    producer.send(new ProducerRecord<>(topic, account.getBytes(StandardCharsets.UTF_8), topics.serialize(event)),
        (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.join(Duration.ofSeconds(30).toMillis());
    producer.close(Duration.ofSeconds(10));
  }
}
