package dev.vitals.testing;

import dev.vitals.events.EventType;
import dev.vitals.kpi.AccountState;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.state.AccountBook;
import dev.vitals.topology.StreamsAccountStore;
import dev.vitals.topology.EventTopics;
import dev.vitals.topology.StoreNames;
import dev.vitals.topology.TopicNames;
import dev.vitals.topology.Topics;
import dev.vitals.topology.VitalsTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology on Kafka Streams' test driver: records go in through the same input topics, as the same
 * Confluent-framed Avro bytes, and come out of the same output topics. The topology tests run on it, so they
 * exercise exactly what the service runs. Wall-clock time moves only when told to
 * ({@link #letEmitIntervalPass()}): that is when pending accounts are evaluated and their changes emitted.
 */
public final class OfflinePipeline implements AutoCloseable {
  private final TopologyTestDriver driver;
  private final ScoringConfig config;
  private final EventTopics eventTopics;
  private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
  private final TestOutputTopic<String, AccountHealth> health;
  private final TestOutputTopic<String, ChurnAlert> alerts;
  private final TestOutputTopic<byte[], byte[]> deadLetters;

  /** The pipeline over the default topic names, its wall clock starting at {@code startTime}. */
  public OfflinePipeline(ScoringConfig config, VitalsSerdes serdes, Instant startTime, Path stateDir) {
    this.config = config;
    TopicNames names = TopicNames.defaults();
    Topics topics = Topics.of(names, serdes);
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "vitals-offline");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "offline.invalid:9092");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    this.driver = new TopologyTestDriver(VitalsTopology.build(topics, config), properties, startTime);
    this.eventTopics = new EventTopics(topics);
    this.health = driver.createOutputTopic(names.health(), topics.health().key().deserializer(),
        topics.health().value().deserializer());
    this.alerts = driver.createOutputTopic(names.alerts(), topics.alerts().key().deserializer(),
        topics.alerts().value().deserializer());
    this.deadLetters = driver.createOutputTopic(names.deadLetters(), topics.deadLetters().key().deserializer(),
        topics.deadLetters().value().deserializer());
  }

  /** Pipes one event to its topic, keyed by its accountId, as produced at {@code producedAt}. */
  public void pipe(SpecificRecord event, Instant producedAt) {
    pipeRaw(eventTopics.topicOf(EventType.of(event)), EventType.accountId(event), eventTopics.serialize(event),
        producedAt);
  }

  /** Pipes raw value bytes (bad input included) to {@code topic}. */
  public void pipeRaw(String topic, String key, byte[] value, Instant producedAt) {
    pipeRaw(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, producedAt);
  }

  /** Pipes raw key and value bytes (bad keys included) to {@code topic}. */
  public void pipeRaw(String topic, byte[] keyBytes, byte[] value, Instant producedAt) {
    inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, (x, bytes) -> bytes, (x, bytes) -> bytes))
        .pipeInput(new TestRecord<>(keyBytes, value, null, producedAt));
  }

  /** Lets one emit interval of wall-clock time pass (returned): pending accounts are evaluated, changes emitted. */
  public Duration letEmitIntervalPass() {
    driver.advanceWallClockTime(config.pipeline().emitInterval());
    return config.pipeline().emitInterval();
  }

  /** Lets {@code duration} of wall-clock time pass at once (wall-clock punctuators run once). */
  public void letWallClockTimePass(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  public EventTopics eventTopics() {
    return eventTopics;
  }

  public List<AccountHealth> drainHealth() {
    return health.readValuesToList();
  }

  /** The health topic's records with their keys: an erased account's is a tombstone (null value). */
  public List<KeyValue<String, AccountHealth>> drainHealthRecords() {
    return health.readKeyValuesToList();
  }

  public List<ChurnAlert> drainAlerts() {
    return alerts.readValuesToList();
  }

  public List<TestRecord<byte[], byte[]>> drainDeadLetters() {
    return deadLetters.readRecordsToList();
  }

  /** The account's state as the stores hold it (decoded afresh); null when it has none. */
  public AccountState account(String accountId) {
    KeyValueStore<String, byte[]> summaries = driver.getKeyValueStore(StoreNames.ACCOUNT_SUMMARY);
    KeyValueStore<String, byte[]> ledger = driver.getKeyValueStore(StoreNames.ACCOUNT_LEDGER);
    return new AccountBook(new StreamsAccountStore(summaries, ledger), 1).find(accountId);
  }

  /** Kafka Streams' metrics of the driver, the pipeline's own sensors included. */
  public Map<MetricName, ? extends Metric> metrics() {
    return driver.metrics();
  }

  /** One of the pipeline's key-value stores (see {@link StoreNames}). */
  public <V> KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  /** One of the pipeline's window stores (see {@link StoreNames}), timestamps unwrapped. */
  public <V> WindowStore<String, V> windowStore(String name) {
    return driver.getWindowStore(name);
  }

  /** Sum of a pipeline counter over every task, for the given tags (others are ignored). */
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

  @Override
  public void close() {
    driver.close();
  }
}
