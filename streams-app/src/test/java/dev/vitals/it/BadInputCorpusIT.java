package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitals.events.EventType;
import dev.vitals.runtime.EventPublisher;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.AlertAssertions;
import dev.vitals.testing.BadInputCorpus;
import dev.vitals.testing.BadRecord;
import dev.vitals.testing.MetricsScrape;
import dev.vitals.topology.DeadLetterHeaders;
import dev.vitals.topology.RejectReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input on a real broker: more than ten thousand bad records of every kind ({@code BadInputCorpus}) mixed
 * into a good history on every input topic, fed to a {@code run} JVM. The instance stays up and ready throughout;
 * every bad record is dead-lettered exactly once with the reason the corpus expects, and nothing else is; the
 * rejected counter by topic and reason equals the corpus; and the good history comes out as replay of it alone.
 */
@ExtendWith(SharedCluster.class)
class BadInputCorpusIT {
  private static final int BAD_RECORDS = 10_500;
  /** Each spans 40/12 days of the history, well within the 7-day grace, however unevenly the topics are read. */
  private static final int CHUNKS = 12;

  @TempDir
  Path work;

  private RunJvm instance;
  private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopEverything() {
    watch.shutdownNow();
    if (instance != null) {
      instance.close();
    }
  }

  @Test
  void badRecordsOnEveryTopicAreDeadLetteredOnceWithTheirReasonWhileGoodTrafficComesOutAsReplay() throws Exception {
    long seed = Long.getLong("vitals.it.seed", 15L);
    System.out.println("BadInputCorpusIT seed " + seed + " (rerun with -Dvitals.it.seed=" + seed + ")");
    long started = System.nanoTime();

    // given: a good history, what replay makes of it alone, and a `run` JVM on fresh topics that stays ready
    SharedCluster.Cluster cluster = SharedCluster.cluster();
    List<SpecificRecord> history =
        new HistorySimulator(seed, 20, Instant.parse("2025-01-06T00:00:00Z"), 40).stream().toList();
    CompletableFuture<Outcome> replay = ReplayOracle.inBackground(history, work.resolve("oracle"));
    ItTopics topics = ItTopics.create(".bad-input-it", 1, cluster.bootstrapServers(), cluster.registryUrl());
    InstanceSettings settings = new InstanceSettings("vitals-bad-input-it", cluster.bootstrapServers(),
        cluster.registryUrl(), work.resolve("state"), topics);
    instance = RunJvm.in(work, settings).start();
    instance.awaitReady(Duration.ofSeconds(60));
    long pid = instance.pid();
    List<String> unready = new CopyOnWriteArrayList<>();
    watch.scheduleAtFixedRate(() -> {
      int status = instance.readyzStatus();
      if (status != 200) {
        unready.add(String.format("+%.1fs: /readyz %d", seconds(started), status));
      }
    }, 0, 250, TimeUnit.MILLISECONDS);

    BadInputCorpus corpus = new BadInputCorpus(seed, topics.events(),
        new VitalsSerdes(Map.of("schema.registry.url", cluster.registryUrl())).registry(),
        ScoringConfig.defaults().pipeline().grace(), Instant.now(), history);
    List<BadInputCorpus.Chunk> chunks = corpus.mix(history, BAD_RECORDS, CHUNKS);
    log(started, "corpus made: " + history.size() + " good events, " + BAD_RECORDS + " bad records");

    // when: chunk after chunk, the good events are published, then the bad records (each remembered by the
    // coordinates the broker gave it), while the instance runs
    Map<String, BadRecord> badAt = new ConcurrentHashMap<>();
    long published = 0;
    List<Exception> sendFailures = new CopyOnWriteArrayList<>();
    try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), Map.of(), topics.events());
        KafkaProducer<byte[], byte[]> raw = rawProducer(cluster.bootstrapServers())) {
      for (BadInputCorpus.Chunk chunk : chunks) {
        chunk.good().forEach(publisher::publish);
        publisher.flush();
        for (BadRecord bad : chunk.bad()) {
          raw.send(new ProducerRecord<>(bad.topic(), bad.key(), bad.value()), (metadata, error) -> {
            if (error != null) {
              sendFailures.add(error);
            } else {
              badAt.put(coordinates(metadata.topic(), metadata.partition(), metadata.offset()), bad);
            }
          });
        }
        raw.flush();
        // In step: the next chunk only once this one is through intake. Published at once, the topics of a backlog
        // are read unevenly (one topic's first days after another's tenth), and good events would be too late.
        published += chunk.good().size() + chunk.bad().size();
        long through = published;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> throughIntake(new MetricsScrape(instance.metrics())) >= through);
      }
    }
    assertThat(sendFailures).as("sends the broker refused").isEmpty();
    assertThat(badAt).hasSize(BAD_RECORDS);
    log(started, "all " + published + " records published and through intake");

    // then: every bad record is dead-lettered exactly once, with its reason, and no good one is
    assertThat(published).isEqualTo(history.size() + BAD_RECORDS);
    List<ConsumerRecord<byte[], byte[]>> letters = await().atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> TopicReader.readAll(cluster.bootstrapServers(), topics.topics().deadLetters()),
            read -> read.size() >= BAD_RECORDS);
    log(started, letters.size() + " dead letters read");
    Map<String, Integer> lettersPerRecord = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      String source = coordinates(header(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC),
          Integer.parseInt(header(letter.headers(), DeadLetterHeaders.SOURCE_PARTITION)),
          Long.parseLong(header(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET)));
      lettersPerRecord.merge(source, 1, Integer::sum);
      BadRecord bad = badAt.get(source);
      String reason = header(letter.headers(), DeadLetterHeaders.REASON);
      if (bad == null) {
        wrong.add(source + " is a good record, dead-lettered as " + reason + ": "
            + header(letter.headers(), DeadLetterHeaders.DETAIL));
      } else if (!bad.reason().tag().equals(reason)) {
        wrong.add(source + " (" + bad.kind() + ") dead-lettered as " + reason + ", expected " + bad.reason().tag()
            + ": " + header(letter.headers(), DeadLetterHeaders.DETAIL));
      }
    }
    assertThat(wrong.size()).as("dead letters of good records or with the wrong reason, the first: %s",
        wrong.subList(0, Math.min(20, wrong.size()))).isZero();
    assertThat(lettersPerRecord.keySet()).as("every bad record dead-lettered").isEqualTo(badAt.keySet());
    assertThat(lettersPerRecord.values()).as("each exactly once").containsOnly(1);

    // and the rejected counter, by topic and reason, equals the corpus
    Map<String, Long> expectedCounts = new TreeMap<>();
    badAt.values().forEach(bad -> expectedCounts.merge(bad.topic() + "/" + bad.reason().tag(), 1L, Long::sum));
    MetricsScrape scrape = new MetricsScrape(instance.metrics());
    Map<String, Long> counted = new TreeMap<>();
    for (EventType type : EventType.values()) {
      String topic = topics.events().topicOf(type);
      for (RejectReason reason : RejectReason.values()) {
        long value = (long) scrape.value("vitals_events_rejected_total", "topic", topic, "reason", reason.tag());
        if (value != 0) {
          counted.put(topic + "/" + reason.tag(), value);
        }
      }
    }
    assertThat(counted).isEqualTo(expectedCounts);
    // every good event was taken in (too-late ones pass intake before the account's event time refuses them)
    Map<String, Integer> expectedAccepted = topics.inputCounts(history);
    badAt.values().stream().filter(bad -> bad.reason() == RejectReason.TOO_LATE)
        .forEach(bad -> expectedAccepted.merge(bad.topic(), 1, Integer::sum));
    Map<String, Integer> accepted = new TreeMap<>();
    expectedAccepted.keySet().forEach(topic ->
        accepted.put(topic, (int) scrape.value("vitals_events_accepted_total", "topic", topic)));
    assertThat(accepted).isEqualTo(expectedAccepted);
    log(started, "dead letters and counters equal the corpus: " + expectedCounts);

    // and the good history's outputs equal replay of the good events alone, for every account
    Outcome expected = replay.join();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      Outcome actual = topics.observed(cluster.bootstrapServers());
      assertThat(actual.finalHealth()).isEqualTo(expected.finalHealth());
      assertThat(actual.openAlerts()).isEqualTo(expected.openAlerts());
      assertThat(actual.finalHealth().keySet()).isEqualTo(ItTopics.accountsOf(history));
      assertThat(expected.openAlerts()).isNotEmpty();
      AlertAssertions.assertAtMostOneOpenPerAccountAndRule(topics.alerts(cluster.bootstrapServers()));
    });
    log(started, "outputs equal replay's");

    // and the instance was up and ready throughout: same process, never left RUNNING, no error logged
    assertThat(instance.isAlive()).isTrue();
    assertThat(instance.pid()).isEqualTo(pid);
    assertThat(unready).as("moments /readyz was not 200").isEmpty();
    String logText = Files.readString(instance.log());
    assertThat(logText).doesNotContain("Kafka Streams RUNNING ->").doesNotContain(" ERROR ")
        .doesNotContain("stream thread failed");
    log(started, "done");
  }

  /** Records that intake accepted or refused: each input record once (too-late ones are among the accepted). */
  private static long throughIntake(MetricsScrape scrape) {
    double accepted = scrape.find("vitals_events_accepted_total").stream()
        .mapToDouble(MetricsScrape.Sample::value).sum();
    double refused = scrape.find("vitals_events_rejected_total").stream()
        .filter(sample -> !RejectReason.TOO_LATE.tag().equals(sample.labels().get("reason")))
        .mapToDouble(MetricsScrape.Sample::value).sum();
    return (long) (accepted + refused);
  }

  private static KafkaProducer<byte[], byte[]> rawProducer(String bootstrapServers) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 20), new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static String coordinates(String topic, int partition, long offset) {
    return topic + "/" + partition + "@" + offset;
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static void log(long started, String what) {
    System.out.printf("BadInputCorpusIT +%.1fs: %s%n", seconds(started), what);
  }
}
