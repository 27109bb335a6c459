package dev.vitals.testing;

import dev.vitals.events.EventType;
import dev.vitals.kpi.AccountState;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.MockSchemaRegistryScope;
import dev.vitals.serde.SchemaRegistry;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.EventTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology on the test driver ({@link OfflinePipeline}), with a private
 * {@code mock://} registry, for tests that speak in events rather than bytes. The wall clock starts at {@link
 * #PRODUCED_AT}; records are produced at its current time unless a test says otherwise; {@link #flush()} lets one
 * emit interval of wall-clock time pass so pending accounts are evaluated.
 */
public final class PipelineDriver implements AutoCloseable {
  /** Where the wall clock starts: after every event time the tests use, so none is "in the future". */
  public static final Instant PRODUCED_AT = Instant.parse("2026-12-31T00:00:00Z");

  private final String registryName = "test-" + UUID.randomUUID();
  private final VitalsSerdes serdes;
  private final OfflinePipeline pipeline;
  private Instant wallClock = PRODUCED_AT;

  public PipelineDriver() {
    this(ScoringConfig.defaults());
  }

  public PipelineDriver(ScoringConfig config) {
    this(config, null);
  }

  /** A driver whose serdes use {@code registry} (null: a private {@code mock://} registry). */
  public PipelineDriver(ScoringConfig config, SchemaRegistry registry) {
    this.serdes = registry == null ? VitalsSerdes.mock(registryName) : new VitalsSerdes(registry, true);
    Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "vitals-test-" + UUID.randomUUID());
    this.pipeline = new OfflinePipeline(config, serdes, PRODUCED_AT, stateDir);
  }

  /**
   * Sends events keyed by their accountId, produced now on the driver's wall clock: {@link #PRODUCED_AT} plus one
   * emit interval per {@link #flush()}, as a live producer's would be (the pipeline reads how far behind its input
   * it is from that).
   */
  public PipelineDriver send(SpecificRecord... events) {
    for (SpecificRecord event : events) {
      sendAt(event, wallClock);
    }
    return this;
  }

  /** Sends one event produced at {@code producedAt}. */
  public PipelineDriver sendAt(SpecificRecord event, Instant producedAt) {
    pipeline.pipe(event, producedAt);
    return this;
  }

  /** Sends raw value bytes, for bad input, produced now on the driver's wall clock. */
  public PipelineDriver sendRaw(String topic, String key, byte[] value) {
    return sendRaw(topic, key, value, wallClock);
  }

  public PipelineDriver sendRaw(String topic, String key, byte[] value, Instant producedAt) {
    pipeline.pipeRaw(topic, key, value, producedAt);
    return this;
  }

  /** Sends raw key and value bytes (a bad key, say), produced now on the driver's wall clock. */
  public PipelineDriver sendRaw(String topic, byte[] key, byte[] value) {
    pipeline.pipeRaw(topic, key, value, wallClock);
    return this;
  }

  /** The Confluent-framed bytes the pipeline expects for {@code event} on its topic. */
  public byte[] serialize(SpecificRecord event) {
    return pipeline.eventTopics().serialize(event);
  }

  /** The input topics and their value framing, for tests that make records of their own. */
  public EventTopics eventTopics() {
    return pipeline.eventTopics();
  }

  public String topicOf(EventType type) {
    return pipeline.eventTopics().topicOf(type);
  }

  /** Lets one emit interval pass: pending accounts are evaluated and their changes emitted. */
  public PipelineDriver flush() {
    wallClock = wallClock.plus(pipeline.letEmitIntervalPass());
    return this;
  }

  /** Lets {@code duration} of wall-clock time pass at once, for punctuators slower than the emit interval. */
  public PipelineDriver letWallClockTimePass(Duration duration) {
    pipeline.letWallClockTimePass(duration);
    wallClock = wallClock.plus(duration);
    return this;
  }

  public List<AccountHealth> healthRecords() {
    return pipeline.drainHealth();
  }

  /** The latest health record per account among those emitted since the last read. */
  public Map<String, AccountHealth> latestHealth() {
    Map<String, AccountHealth> latest = new LinkedHashMap<>();
    pipeline.drainHealth().forEach(record -> latest.put(record.getAccountId(), record));
    return latest;
  }

  /** The health topic's records since the last read, keyed: an erased account's is a tombstone (null value). */
  public List<KeyValue<String, AccountHealth>> healthTopic() {
    return pipeline.drainHealthRecords();
  }

  public List<ChurnAlert> alerts() {
    return pipeline.drainAlerts();
  }

  public List<TestRecord<byte[], byte[]>> deadLetters() {
    return pipeline.drainDeadLetters();
  }

  public AccountState state(String accountId) {
    return pipeline.account(accountId);
  }

  public SchemaRegistry registry() {
    return serdes.registry();
  }

  /** Kafka Streams' metrics of the driver, the pipeline's own sensors included. */
  public Map<MetricName, ? extends Metric> metrics() {
    return pipeline.metrics();
  }

  /** One of the pipeline's key-value stores (see {@code StoreNames}). */
  public <V> KeyValueStore<String, V> store(String name) {
    return pipeline.store(name);
  }

  /** One of the pipeline's window stores (see {@code StoreNames}). */
  public <V> WindowStore<String, V> windowStore(String name) {
    return pipeline.windowStore(name);
  }

  /** Sum of a Vitals pipeline counter over every task, for the given tags (others are ignored). */
  public double counter(String name, Map<String, String> tags) {
    return pipeline.counter(name, tags);
  }

  @Override
  public void close() {
    pipeline.close();
    MockSchemaRegistryScope.drop(registryName);
  }
}
