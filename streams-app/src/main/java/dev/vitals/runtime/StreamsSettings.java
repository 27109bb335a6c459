package dev.vitals.runtime;

import dev.vitals.topology.ProcessingErrorPolicy;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of a Vitals instance: safe defaults first, the user's pass-through last. */
public final class StreamsSettings {
  private StreamsSettings() {}

  public static Properties of(ServiceConfig config) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedServer());
    // A topology change must never silently rename a store, changelog or repartition topic.
    properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
    properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
    // The five account topics meet in one task and are applied in event time: when one of them looks caught up,
    // give it a moment for in-flight records before its siblings race ahead (after a broker restart the lag a
    // partition reports can be stale, and racing ahead would push its next records beyond the grace period).
    properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 1000L);
    properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    // Opt in now to the behaviour Kafka 5.0 makes the default (and that silences its start-up warning).
    properties.put("processing.exception.handler.global.enabled", true);
    // A failing processor dead-letters the record instead of failing the thread on it forever (ProcessingErrorPolicy).
    properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ProcessingErrorPolicy.class.getName());
    properties.put(ProcessingErrorPolicy.DEAD_LETTER_TOPIC_CONFIG, config.topics().deadLetters());
    // Last, so the user's settings win; the same base as every other client of Vitals (KafkaClientSettings).
    properties.putAll(KafkaClientSettings.of(config.bootstrapServers(), config.kafkaOverrides()));
    return properties;
  }
}
