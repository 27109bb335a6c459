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
import dev.vitals.topology.StoreNames;
import dev.vitals.topology.TopicNames;
import dev.vitals.topology.Topics;
import dev.vitals.topology.VitalsTopology;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology on {@link TopologyTestDriver}, with a private {@code mock://} registry, for tests that
 * speak in events rather than bytes. Records are produced at {@link #PRODUCED_AT} unless a test says otherwise;
 * {@link #flush()} lets one emit interval of wall-clock time pass so pending accounts are evaluated.
 */
public final class PipelineDriver implements AutoCloseable {
  /** When test records are produced: after every event time the tests use, so none is "in the future". */
  public static final Instant PRODUCED_AT = Instant.parse("2026-12-31T00:00:00Z");

  private final String registryName = "test-" + UUID.randomUUID();
  private final ScoringConfig config;
  private final VitalsSerdes serdes;
  private final TopicNames names = TopicNames.defaults();
  private final Topics topics;
  private final EventTopics eventTopics;
  private final TopologyTestDriver driver;
  private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new LinkedHashMap<>();
  private final TestOutputTopic<String, AccountHealth> health;
  private final TestOutputTopic<String, ChurnAlert> alerts;
  private final TestOutputTopic<byte[], byte[]> deadLetters;

  public PipelineDriver() {
    this(ScoringConfig.defaults());
  }

  public PipelineDriver(ScoringConfig config) {
    this(config, null);
  }

  /** A driver whose serdes use {@code registry} (null: a private {@code mock://} registry). */
  public PipelineDriver(ScoringConfig config, SchemaRegistry registry) {
    this.config = config;
    this.serdes = registry == null ? VitalsSerdes.mock(registryName) : new VitalsSerdes(registry, true);
    this.topics = Topics.of(names, serdes);
    this.eventTopics = new EventTopics(topics);
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "vitals-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
    properties.put(StreamsConfig.STATE_DIR_CONFIG,
        System.getProperty("java.io.tmpdir") + "/vitals-test-" + UUID.randomUUID());
    this.driver = new TopologyTestDriver(VitalsTopology.build(topics, config), properties, PRODUCED_AT);
    this.health = driver.createOutputTopic(names.health(), topics.health().key().deserializer(),
        topics.health().value().deserializer());
    this.alerts = driver.createOutputTopic(names.alerts(), topics.alerts().key().deserializer(),
        topics.alerts().value().deserializer());
    this.deadLetters = driver.createOutputTopic(names.deadLetters(), topics.deadLetters().key().deserializer(),
        topics.deadLetters().value().deserializer());
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
    String topic = topicOf(EventType.of(event));
    sendRaw(topic, EventType.accountId(event), serialize(event), producedAt);
    return this;
  }

  /** Sends raw value bytes, for bad input. */
  public PipelineDriver sendRaw(String topic, String key, byte[] value) {
    return sendRaw(topic, key, value, PRODUCED_AT);
  }

  public PipelineDriver sendRaw(String topic, String key, byte[] value, Instant producedAt) {
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    input(topic).pipeInput(new TestRecord<>(keyBytes, value, null, producedAt));
    return this;
  }

  /** The Confluent-framed bytes the pipeline expects for {@code event} on its topic. */
  public byte[] serialize(SpecificRecord event) {
    return eventTopics.serialize(event);
  }

  public String topicOf(EventType type) {
    return eventTopics.topicOf(type);
  }

  /** Lets one emit interval pass: pending accounts are evaluated and their changes emitted. */
  public PipelineDriver flush() {
    driver.advanceWallClockTime(config.pipeline().emitInterval());
    return this;
  }

  public List<AccountHealth> healthRecords() {
    return health.readValuesToList();
  }

  /** The latest health record per account among those emitted since the last read. */
  public Map<String, AccountHealth> latestHealth() {
    Map<String, AccountHealth> latest = new LinkedHashMap<>();
    health.readValuesToList().forEach(record -> latest.put(record.getAccountId(), record));
    return latest;
  }

  public List<ChurnAlert> alerts() {
    return alerts.readValuesToList();
  }

  public List<TestRecord<byte[], byte[]>> deadLetters() {
    return deadLetters.readRecordsToList();
  }

  public AccountState state(String accountId) {
    return driver.<String, AccountState>getKeyValueStore(StoreNames.ACCOUNT_STATE).get(accountId);
  }

  public SchemaRegistry registry() {
    return serdes.registry();
  }

  public TopicNames topicNames() {
    return names;
  }

  /** Sum of a Vitals pipeline counter over every task, for the given tags (others are ignored). */
  public double counter(String name, Map<String, String> tags) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> entry : driver.metrics().entrySet()) {
      MetricName metric = entry.getKey();
      if (metric.name().equals(name) && metric.tags().entrySet().containsAll(tags.entrySet())) {
        total += ((Number) entry.getValue().metricValue()).doubleValue();
      }
    }
    return total;
  }

  private TestInputTopic<byte[], byte[]> input(String topic) {
    return inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, (x, b) -> b, (x, b) -> b));
  }

  @Override
  public void close() {
    driver.close();
    MockSchemaRegistryScope.drop(registryName);
  }
}
