package dev.vitals.bench;

import dev.vitals.events.EventType;
import dev.vitals.events.JsonEventCodec;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.topology.EventTopics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The history every measurement reads: the simulator's realistic customer base (healthy, declining, churning,
 * dormant, expanding and onboarding accounts; usage, tickets, billing, surveys, profiles and costs), cut at the
 * requested number of events, published once as Confluent-framed Avro keyed by account, and written as JSON lines
 * for {@code replay}, so every figure of a run is over the very same events.
 *
 * @param events records on the input topics
 * @param inputBytes bytes the producer wrote to the input topics (record batches, as the broker receives them)
 * @param accounts the accounts that have at least one event, in order of first appearance
 * @param byType events per type, for the report's description of the mix
 * @param jsonLines the same events, one JSON line each
 */
record Backlog(long events, long inputBytes, List<String> accounts, Map<EventType, Long> byType, Path jsonLines) {

  /**
   * Fewest events per account and day the simulator produces (about 10 to 11 on its mix), so that a history of
   * this many days holds at least the requested events.
   */
  private static final double MIN_EVENTS_PER_ACCOUNT_DAY = 8.0;

  static Backlog load(BenchCluster cluster, int accounts, long events, Path jsonLines) throws IOException {
    int days = (int) Math.ceil(events / (accounts * MIN_EVENTS_PER_ACCOUNT_DAY)) + 1;
    // The simulated period ends today; cut at the requested count, the backlog ends some days before, a gap that
    // the freshness phase bridges for every account before it measures.
    HistorySimulator simulator = new HistorySimulator(42, accounts, Instant.now().minus(Duration.ofDays(days)), days);
    EventTopics topics = cluster.eventTopics();
    JsonEventCodec codec = new JsonEventCodec();
    Set<String> seen = new LinkedHashSet<>();
    Map<EventType, Long> byType = new EnumMap<>(EventType.class);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long published = 0;
    try (KafkaProducer<byte[], byte[]> producer = producer(cluster.bootstrapServers());
        BufferedWriter json = Files.newBufferedWriter(jsonLines, StandardCharsets.UTF_8)) {
      for (SpecificRecord event : simulator) {
        if (published == events) {
          break;
        }
        EventType type = EventType.of(event);
        String key = EventType.accountId(event);
        producer.send(new ProducerRecord<>(topics.topicOf(type), key.getBytes(StandardCharsets.UTF_8),
            topics.serialize(event)), (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
        json.write(codec.format(event));
        json.newLine();
        byType.merge(type, 1L, Long::sum);
        if (type != EventType.COST) {
          seen.add(key);
        }
        published++;
      }
      producer.flush();
      if (failure.get() != null) {
        throw new IllegalStateException("loading the backlog failed: " + failure.get().getMessage(), failure.get());
      }
      return new Backlog(published, bytesWritten(producer, cluster.inputTopics()), List.copyOf(seen), byType,
          jsonLines);
    }
  }

  /** Share of each event type, e.g. "usage 94.1 %, ticket 3.2 %, ...". */
  String mix() {
    StringBuilder text = new StringBuilder();
    byType.forEach((type, count) -> text.append(text.length() == 0 ? "" : ", ").append(type.jsonName())
        .append(String.format(" %.1f %%", 100.0 * count / events)));
    return text.toString();
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Large batches: loading is not measured, and fewer requests leave the two cores to what is.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // One request in flight per connection. Right after the topics are created a partition's first batch can come
    // back NOT_LEADER_OR_FOLLOWER while the next ones are in flight; the broker then refused those with
    // OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout (seen once in CI on a loaded machine). With 256 KB
    // batches, one in flight costs loading little.
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** The producer's own count of bytes sent per topic, the same measure as the changelog bytes it is compared to. */
  static long bytesWritten(Map<MetricName, ? extends Metric> metrics, java.util.function.Predicate<String> topic) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
      MetricName name = metric.getKey();
      if (name.group().equals("producer-topic-metrics") && name.name().equals("byte-total")
          && topic.test(name.tags().getOrDefault("topic", ""))) {
        total += ((Number) metric.getValue().metricValue()).doubleValue();
      }
    }
    return (long) total;
  }

  private static long bytesWritten(KafkaProducer<byte[], byte[]> producer, List<String> topics) {
    return bytesWritten(producer.metrics(), topics::contains);
  }
}
