package dev.vitals.runtime;

import dev.vitals.events.EventType;
import dev.vitals.topology.EventTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes input events as upstream services do: Confluent-framed Avro, keyed by accountId (by cost centre for
 * costs), with an idempotent producer so a retry never duplicates a record in the log.
 */
public final class EventPublisher implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final EventTopics topics;
  private final AtomicLong sent = new AtomicLong();
  private volatile Exception failure;

  public EventPublisher(String bootstrapServers, Map<String, String> clientOverrides, EventTopics topics) {
    Map<String, Object> config = KafkaClientSettings.of(bootstrapServers, clientOverrides);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    this.topics = topics;
  }

  /** Sends asynchronously; a send that fails is reported by {@link #flush()}. */
  public void publish(SpecificRecord event) {
    EventType type = EventType.of(event);
    byte[] key = EventType.accountId(event).getBytes(StandardCharsets.UTF_8);
    send(new ProducerRecord<>(topics.topicOf(type), key, topics.serialize(event)));
  }

  /**
   * Asks for the erasure of {@code accountId}: a tombstone keyed by it on the accounts topic, stamped with
   * {@code erasedAt} (the pipeline takes the record timestamp as the erasure time).
   */
  public void erase(String accountId, Instant erasedAt) {
    byte[] tombstone = null;
    send(new ProducerRecord<>(topics.topicOf(EventType.ACCOUNT), null, erasedAt.toEpochMilli(),
        accountId.getBytes(StandardCharsets.UTF_8), tombstone));
  }

  private void send(ProducerRecord<byte[], byte[]> record) {
    producer.send(record, (metadata, error) -> {
      if (error != null) {
        failure = error;
      }
    });
    sent.incrementAndGet();
  }

  /** Waits until everything sent so far is acknowledged; throws if any send failed. */
  public void flush() {
    producer.flush();
    if (failure != null) {
      throw new IllegalStateException("publishing failed: " + failure.getMessage(), failure);
    }
  }

  public long sent() {
    return sent.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
