package dev.vitals.bench;

import dev.vitals.runtime.TopicProvisioner;
import dev.vitals.runtime.VitalsService;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Events per second over the whole backlog, for each reader of SPEC §5's comparison: the Vitals pipeline (with the
 * settings given), the stateless pass-through, and a plain consumer. Each Streams run has an application id of its
 * own, so it starts from offset zero with empty state; its clock runs from RUNNING (start-up is timed by recovery,
 * not here) to the moment its group has committed the last input record.
 */
final class ThroughputRun {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  private final BenchCluster cluster;
  private final GroupProgress progress;
  private final Duration timeout;
  private final PrintWriter out;

  ThroughputRun(BenchCluster cluster, GroupProgress progress, Duration timeout, PrintWriter out) {
    this.cluster = cluster;
    this.progress = progress;
    this.timeout = timeout;
    this.out = out;
  }

  /** A started pipeline that has committed the backlog, and how fast it did; the caller closes it. */
  record PipelineRun(VitalsService service, double eventsPerSecond) {}

  PipelineRun pipeline(String applicationId, Map<String, String> kafkaOverrides) {
    VitalsService service = cluster.service(applicationId, kafkaOverrides);
    try {
      service.start();
      return new PipelineRun(service, measure(applicationId, service.streams()));
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  /**
   * Runs the pipeline, unmeasured, over the first {@code records} of the backlog, so the runs that are measured
   * all find the JIT warm: without it the first pipeline run measured is the slowest whatever it is.
   */
  void warmUp(String applicationId, long records) {
    try (VitalsService service = cluster.service(applicationId, Map.of())) {
      service.start();
      Instant deadline = Instant.now().plus(timeout);
      GroupProgress.awaitRunning(service.streams(), deadline, applicationId);
      progress.awaitCommittedAtLeast(applicationId, service.streams(), Math.min(records, progress.total()), deadline);
    }
  }

  /** The stateless copy of every record (decode, encode, write), exactly-once, at the pipeline's commit interval. */
  double passThrough(String applicationId, long commitIntervalMs) {
    TopicProvisioner.ensure(cluster.bootstrapServers(), Map.of(), PassThroughTopology.sinks(cluster));
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, cluster.streamThreads());
    properties.put(StreamsConfig.STATE_DIR_CONFIG, cluster.stateDir(applicationId).toString());
    // As the service does: the behaviour Kafka 5.0 makes the default, which also silences a warning at start.
    properties.put("processing.exception.handler.global.enabled", true);
    KafkaStreams streams = new KafkaStreams(PassThroughTopology.build(cluster.topics()), properties);
    try {
      streams.start();
      return measure(applicationId, streams);
    } finally {
      streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(CLOSE_TIMEOUT));
    }
  }

  /** A plain consumer (no group, no processing) reading every input record once, from the first to the last. */
  double plainConsumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<TopicPartition, Long> ends = progress.ends();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(ends.keySet());
      consumer.seekToBeginning(ends.keySet());
      Set<TopicPartition> unfinished = new HashSet<>(ends.keySet());
      Instant deadline = Instant.now().plus(timeout);
      long read = 0;
      long started = System.nanoTime();
      while (!unfinished.isEmpty()) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("plain consumer: read " + read + " records by the deadline");
        }
        read += consumer.poll(Duration.ofMillis(100)).count();
        unfinished.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
      }
      return rate(read, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private double measure(String applicationId, KafkaStreams streams) {
    Instant deadline = Instant.now().plus(timeout);
    Instant running = GroupProgress.awaitRunning(streams, deadline, applicationId);
    Instant done = progress.awaitCommitted(applicationId, streams, deadline, applicationId, out);
    return rate(progress.total(), Duration.between(running, done));
  }

  private static double rate(long records, Duration elapsed) {
    return records / Math.max(elapsed.toNanos() / 1e9, 1e-3);
  }
}
