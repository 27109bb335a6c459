package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitals.broker.EmbeddedKafka;
import dev.vitals.runtime.EventPublisher;
import dev.vitals.runtime.VitalsService;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.AlertAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline survives its broker restarting mid-stream. The broker here is this test's own (same data directory
 * and port across the restart), so the shared broker of the other tests is never disturbed; the registry is shared.
 */
@ExtendWith(SharedCluster.class)
class BrokerRestartIT {
  private static final int CHUNKS = 20;
  private static final Duration CHUNK_EVERY = Duration.ofMillis(400);

  @TempDir
  Path work;

  private EmbeddedKafka broker;
  private VitalsService service;
  private final ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopEverything() {
    feed.shutdownNow();
    if (service != null) {
      service.close();
    }
    if (broker != null) {
      broker.stop();
    }
  }

  @Test
  void aBrokerRestartWhileEventsFlowChangesNothingInTheFinalOutputs() {
    // given: a broker of our own, topics on it, the service running, and what replay makes of the history
    String registryUrl = SharedCluster.cluster().registryUrl();
    broker = new EmbeddedKafka(work.resolve("kafka"), 0).start();
    List<SpecificRecord> history =
        new HistorySimulator(31, 8, Instant.parse("2025-02-03T00:00:00Z"), 21).stream().toList();
    CompletableFuture<Outcome> replay = ReplayOracle.inBackground(history, work.resolve("oracle"));
    ItTopics topics = ItTopics.create(".restart-it", 1, broker.bootstrapServers(), registryUrl);
    InstanceSettings settings = new InstanceSettings("vitals-restart-it", broker.bootstrapServers(), registryUrl,
        work.resolve("state"), topics);
    service = new VitalsService(settings.config(), ScoringConfig.defaults(),
        new VitalsSerdes(Map.of("schema.registry.url", registryUrl))).start();
    await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);

    // when: events flow in chunks, and the broker is stopped and started again a third of the way through
    int chunkSize = (history.size() + CHUNKS - 1) / CHUNKS;
    AtomicInteger chunksSent = new AtomicInteger();
    try (EventPublisher publisher = new EventPublisher(broker.bootstrapServers(), Map.of(), topics.events())) {
      feed.scheduleAtFixedRate(() -> {
        int chunk = chunksSent.get();
        if (chunk < CHUNKS) {
          history.subList(Math.min(history.size(), chunk * chunkSize),
              Math.min(history.size(), (chunk + 1) * chunkSize)).forEach(publisher::publish);
          publisher.flush();
          chunksSent.incrementAndGet();
        }
      }, 0, CHUNK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      await().atMost(Duration.ofSeconds(60)).until(() -> chunksSent.get() >= CHUNKS / 3);
      broker.stop();
      broker.start();
      await().atMost(Duration.ofSeconds(120)).until(() -> chunksSent.get() >= CHUNKS);
    }

    // then: the service is running again and its committed outputs equal replay's
    Outcome expected = replay.join();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(topics.inputCounts(broker.bootstrapServers())).as("input records on the broker")
          .isEqualTo(topics.inputCounts(history));
      assertThat(topics.deadLetters(broker.bootstrapServers())).as("dead letters").isEmpty();
      Outcome actual = topics.observed(broker.bootstrapServers());
      assertThat(actual.finalHealth()).isEqualTo(expected.finalHealth());
      assertThat(actual.openAlerts()).isEqualTo(expected.openAlerts());
      // not two empty outputs agreeing: every account of the input has a health record, some alerts are open, and
      // the alert topic as a whole (not only each rule's last state) never raises twice without resolving between
      assertThat(actual.finalHealth().keySet()).isEqualTo(ItTopics.accountsOf(history));
      assertThat(expected.openAlerts()).isNotEmpty();
      AlertAssertions.assertAtMostOneOpenPerAccountAndRule(topics.alerts(broker.bootstrapServers()));
    });
  }
}
