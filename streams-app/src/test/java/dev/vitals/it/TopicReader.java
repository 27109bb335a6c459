package dev.vitals.it;

import dev.vitals.runtime.KafkaClientSettings;
import dev.vitals.topology.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from the beginning to its current end as a downstream consumer sees it: read_committed, so
 * records of aborted or still-open transactions (a crashed instance's half-done work) are never seen.
 */
public final class TopicReader {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private TopicReader() {}

  public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, Topic<K, V> topic) {
    return readAll(bootstrapServers, topic.name(), topic.key().deserializer(), topic.value().deserializer());
  }

  public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, String topic,
      Deserializer<K> keys, Deserializer<V> values) {
    return readAll(bootstrapServers, Map.of(), topic, keys, values);
  }

  /** As above, with client settings such as a secured listener's ({@code security.protocol}, SASL, TLS). */
  public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, Map<String, String> client,
      String topic, Deserializer<K> keys, Deserializer<V> values) {
    Map<String, Object> config = KafkaClientSettings.of(bootstrapServers, client);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(config, keys, values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // Under read_committed the end offsets are the last stable offsets: the end of committed data.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<K, V>> records = new ArrayList<>();
      Instant deadline = Instant.now().plus(READ_TIMEOUT);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
