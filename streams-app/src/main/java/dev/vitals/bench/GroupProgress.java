package dev.vitals.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How far a Kafka Streams application has got through the backlog, as the broker sees it: the offsets its group
 * has committed against the input topics' end offsets. Under exactly-once an offset is committed with the outputs
 * of the records before it, so "all committed" means "all processed and written".
 */
final class GroupProgress implements AutoCloseable {
  /** How often the broker is asked; also the resolution of the measured times. */
  static final Duration POLL = Duration.ofMillis(100);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  private final Admin admin;
  private final Map<TopicPartition, Long> starts;
  private final Map<TopicPartition, Long> ends;

  private GroupProgress(Admin admin, Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
    this.admin = admin;
    this.starts = starts;
    this.ends = ends;
  }

  /** The current extent of {@code topics}; call once the backlog is loaded. */
  static GroupProgress of(BenchCluster cluster, Collection<String> topics) {
    Admin admin = cluster.admin();
    try {
      Map<TopicPartition, Long> starts = offsets(admin, topics, OffsetSpec.earliest());
      Map<TopicPartition, Long> ends = offsets(admin, topics, OffsetSpec.latest());
      return new GroupProgress(admin, starts, ends);
    } catch (RuntimeException e) {
      admin.close();
      throw e;
    }
  }

  long total() {
    return ends.keySet().stream().mapToLong(p -> ends.get(p) - starts.get(p)).sum();
  }

  /** Records of the input topics the group has committed. */
  long committed(String groupId) {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
    long done = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata offset = offsets.get(end.getKey());
      if (offset != null) {
        done += Math.min(offset.offset(), end.getValue()) - starts.get(end.getKey());
      }
    }
    return done;
  }

  /** Waits until the group has committed at least {@code records} input records (bounded by the deadline). */
  void awaitCommittedAtLeast(String groupId, KafkaStreams streams, long records, Instant deadline) {
    while (committed(groupId) < records) {
      requireAlive(streams, groupId);
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(groupId + ": fewer than " + records + " records committed by the deadline");
      }
      pause(POLL);
    }
  }

  /**
   * Waits until the group has committed the whole backlog and returns when it was seen; prints progress now and
   * then. Fails when the client stops or the deadline passes.
   */
  Instant awaitCommitted(String groupId, KafkaStreams streams, Instant deadline, String label, PrintWriter out) {
    long total = total();
    Instant nextReport = Instant.now().plus(REPORT_EVERY);
    while (true) {
      long done = committed(groupId);
      Instant now = Instant.now();
      if (done >= total) {
        return now;
      }
      requireAlive(streams, label);
      if (now.isAfter(deadline)) {
        throw new IllegalStateException(label + ": committed " + done + " of " + total + " records by the deadline");
      }
      if (now.isAfter(nextReport)) {
        out.printf("  %s: %,d of %,d records committed%n", label, done, total);
        out.flush();
        nextReport = now.plus(REPORT_EVERY);
      }
      pause(POLL);
    }
  }

  /** Waits until {@code streams} is RUNNING (assigned, restored, processing) and returns when it was seen. */
  static Instant awaitRunning(KafkaStreams streams, Instant deadline, String label) {
    // A short poll: this also times recovery, whose figures are a few hundred milliseconds on a small state.
    while (streams.state() != KafkaStreams.State.RUNNING) {
      requireAlive(streams, label);
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(label + ": not RUNNING by the deadline (state " + streams.state() + ")");
      }
      pause(Duration.ofMillis(5));
    }
    return Instant.now();
  }

  static void requireAlive(KafkaStreams streams, String label) {
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
        || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN) {
      throw new IllegalStateException(label + ": Kafka Streams stopped (state " + state + "); see the log");
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static Map<TopicPartition, Long> offsets(Admin admin, Collection<String> topics, OffsetSpec spec) {
    Map<String, Integer> partitions = new HashMap<>();
    get(admin.describeTopics(topics).allTopicNames())
        .forEach((name, description) -> partitions.put(name, description.partitions().size()));
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach((name, count) -> {
      for (int p = 0; p < count; p++) {
        request.put(new TopicPartition(name, p), spec);
      }
    });
    return get(admin.listOffsets(request).all()).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The end offsets of the input topics, for a consumer that reads them to the end. */
  Map<TopicPartition, Long> ends() {
    return Map.copyOf(ends);
  }

  @Override
  public void close() {
    admin.close();
  }
}
