package dev.vitals.bench;

import dev.vitals.schema.AccountHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the health topic from its current end as a downstream consumer does: read_committed, so a health record
 * counts only once its transaction is committed. One thread polls; the bench takes what it saw with {@link #drain()}.
 */
final class HealthWatcher implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /**
   * One health record.
   *
   * @param asOf the event time it reflects
   * @param appendedAt when the broker appended it (the topic uses LogAppendTime)
   * @param seenAt when this watcher received it, after its transaction committed
   */
  record Seen(String account, long asOf, long appendedAt, long seenAt) {}

  private final KafkaConsumer<String, AccountHealth> consumer;
  private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile RuntimeException failure;

  private HealthWatcher(BenchCluster cluster) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        cluster.topics().health().value().deserializer());
    try {
      String topic = cluster.names().health();
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // Resolve the positions now, so every record committed from here on is seen.
      partitions.forEach(consumer::position);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    thread = new Thread(this::poll, "bench-health-watcher");
  }

  static HealthWatcher start(BenchCluster cluster) {
    HealthWatcher watcher = new HealthWatcher(cluster);
    watcher.thread.start();
    return watcher;
  }

  /** Every record seen since the last call, in the order each partition delivered them. */
  List<Seen> drain() {
    if (failure != null) {
      throw failure;
    }
    List<Seen> taken = new ArrayList<>();
    for (Seen next = seen.poll(); next != null; next = seen.poll()) {
      taken.add(next);
    }
    return taken;
  }

  private void poll() {
    try {
      while (!stopping) {
        for (ConsumerRecord<String, AccountHealth> record : consumer.poll(Duration.ofMillis(100))) {
          long now = System.currentTimeMillis();
          seen.add(new Seen(record.key(), record.value().getAsOf().toEpochMilli(), record.timestamp(), now));
        }
      }
    } catch (WakeupException e) {
      // close() asked the poll to return.
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
