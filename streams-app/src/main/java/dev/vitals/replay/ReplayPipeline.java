package dev.vitals.replay;

import dev.vitals.events.EventType;
import dev.vitals.kpi.AccountState;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.EventTopics;
import dev.vitals.topology.StoreNames;
import dev.vitals.topology.TopicNames;
import dev.vitals.topology.Topics;
import dev.vitals.topology.VitalsTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology on Kafka Streams' test driver: records go in through the same input topics, as the same
 * Confluent-framed Avro bytes, and come out of the same output topics. Every piped record is followed by one emit
 * interval of wall-clock time, so each event is evaluated on its own: replay shows every alert transition a live
 * run could show.
 */
final class ReplayPipeline implements AutoCloseable {
  private final TopologyTestDriver driver;
  private final ScoringConfig config;
  private final Instant producedAt;
  private final Map<EventType, TestInputTopic<byte[], byte[]>> inputs = new EnumMap<>(EventType.class);
  private final EventTopics eventTopics;
  private final TestOutputTopic<String, AccountHealth> health;
  private final TestOutputTopic<String, ChurnAlert> alerts;
  private final TestOutputTopic<byte[], byte[]> deadLetters;

  ReplayPipeline(ScoringConfig config, VitalsSerdes serdes, Instant producedAt, Path stateDir) {
    this.config = config;
    this.producedAt = producedAt;
    TopicNames names = TopicNames.defaults();
    Topics topics = Topics.of(names, serdes);
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "vitals-replay");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay.invalid:9092");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    this.driver = new TopologyTestDriver(VitalsTopology.build(topics, config), properties, producedAt);

    this.eventTopics = new EventTopics(topics);
    for (EventType type : EventType.values()) {
      String topic = eventTopics.topicOf(type);
      inputs.put(type, driver.createInputTopic(topic, (t, bytes) -> bytes, (t, bytes) -> bytes));
    }
    this.health = driver.createOutputTopic(names.health(), topics.health().key().deserializer(),
        topics.health().value().deserializer());
    this.alerts = driver.createOutputTopic(names.alerts(), topics.alerts().key().deserializer(),
        topics.alerts().value().deserializer());
    this.deadLetters = driver.createOutputTopic(names.deadLetters(), topics.deadLetters().key().deserializer(),
        topics.deadLetters().value().deserializer());
  }

  /** Pipes one event, keyed by its accountId, and lets the emit interval pass. */
  void pipe(SpecificRecord event) {
    EventType type = EventType.of(event);
    byte[] key = EventType.accountId(event).getBytes(StandardCharsets.UTF_8);
    byte[] value = eventTopics.serialize(event);
    inputs.get(type).pipeInput(new TestRecord<>(key, value, null, producedAt));
    driver.advanceWallClockTime(config.pipeline().emitInterval());
  }

  List<AccountHealth> drainHealth() {
    return health.readValuesToList();
  }

  List<ChurnAlert> drainAlerts() {
    return alerts.readValuesToList();
  }

  List<TestRecord<byte[], byte[]>> drainDeadLetters() {
    return deadLetters.readRecordsToList();
  }

  KeyValueStore<String, AccountState> accounts() {
    return driver.getKeyValueStore(StoreNames.ACCOUNT_STATE);
  }

  @Override
  public void close() {
    driver.close();
  }
}
