package dev.vitals.testing;

import dev.vitals.events.EventType;
import dev.vitals.kpi.AccountState;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.MockSchemaRegistryScope;
import dev.vitals.serde.SchemaRegistry;
import dev.vitals.serde.VitalsSerdes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology on the test driver ({@link OfflinePipeline}), with a private
 * {@code mock://} registry, for tests that speak in events rather than bytes. Records are produced at
 * {@link #PRODUCED_AT} unless a test says otherwise; {@link #flush()} lets one emit interval of wall-clock time
 * pass so pending accounts are evaluated.
 */
public final class PipelineDriver implements AutoCloseable {
  /** When test records are produced: after every event time the tests use, so none is "in the future". */
  public static final Instant PRODUCED_AT = Instant.parse("2026-12-31T00:00:00Z");

  private final String registryName = "test-" + UUID.randomUUID();
  private final VitalsSerdes serdes;
  private final OfflinePipeline pipeline;

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

  /** Sends events keyed by their accountId, produced at {@link #PRODUCED_AT}. */
  public PipelineDriver send(SpecificRecord... events) {
    for (SpecificRecord event : events) {
      sendAt(event, PRODUCED_AT);
    }
    return this;
  }

  /** Sends one event produced at {@code producedAt}. */
  public PipelineDriver sendAt(SpecificRecord event, Instant producedAt) {
    pipeline.pipe(event, producedAt);
    return this;
  }

  /** Sends raw value bytes, for bad input. */
  public PipelineDriver sendRaw(String topic, String key, byte[] value) {
    return sendRaw(topic, key, value, PRODUCED_AT);
  }

  public PipelineDriver sendRaw(String topic, String key, byte[] value, Instant producedAt) {
    pipeline.pipeRaw(topic, key, value, producedAt);
    return this;
  }

  /** The Confluent-framed bytes the pipeline expects for {@code event} on its topic. */
  public byte[] serialize(SpecificRecord event) {
    return pipeline.eventTopics().serialize(event);
  }

  public String topicOf(EventType type) {
    return pipeline.eventTopics().topicOf(type);
  }

  /** Lets one emit interval pass: pending accounts are evaluated and their changes emitted. */
  public PipelineDriver flush() {
    pipeline.letEmitIntervalPass();
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
