package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitals.runtime.EventPublisher;
import dev.vitals.runtime.VitalsService;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.TestScoring;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Events produced as Avro to a real broker reach the health and alert topics with the values replay gives. */
@ExtendWith(SharedCluster.class)
class PipelineOnBrokerIT {
  @TempDir
  Path work;

  private VitalsService service;

  @AfterEach
  void stopService() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void finalHealthAndOpenAlertsOnTheBrokerEqualReplaysForTheSameEvents() {
    // given: ten accounts' month of history, published by upstream as Confluent-framed Avro before the pipeline
    // starts. A month of event time in a second of publishing: Kafka Streams' best-effort ordering across the five
    // topics was seen to let one run a week ahead of another (once in four runs), so both sides get a grace period
    // longer than the history, and the comparison is about the outputs, not about that race.
    SharedCluster.Cluster cluster = SharedCluster.cluster();
    ScoringConfig scoring = TestScoring.fromDefaultReplacing("grace: P7D", "grace: P45D");
    List<SpecificRecord> history =
        new HistorySimulator(11, 10, Instant.parse("2025-03-01T00:00:00Z"), 30).stream().toList();
    CompletableFuture<Outcome> replay = ReplayOracle.inBackground(history, work.resolve("oracle"), scoring);
    ItTopics topics = ItTopics.create(".pipeline-it", 1, cluster.bootstrapServers(), cluster.registryUrl());
    try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), Map.of(), topics.events())) {
      history.forEach(publisher::publish);
      publisher.flush();
    }

    // when: the pipeline runs on the broker over that backlog
    InstanceSettings settings = new InstanceSettings("vitals-pipeline-it", cluster.bootstrapServers(),
        cluster.registryUrl(), work.resolve("state"), topics);
    service = new VitalsService(settings.config(), scoring,
        new VitalsSerdes(Map.of("schema.registry.url", cluster.registryUrl()))).start();

    // then: the committed outputs settle on exactly replay's final health and open alerts
    Outcome expected = replay.join();
    assertThat(expected.finalHealth()).hasSize(10);
    assertThat(expected.openAlerts()).as("a history with alerts, so the comparison means something").isNotEmpty();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(topics.deadLetters(cluster.bootstrapServers())).as("dead letters").isEmpty();
      Outcome actual = topics.observed(cluster.bootstrapServers());
      assertThat(actual.finalHealth()).isEqualTo(expected.finalHealth());
      assertThat(actual.openAlerts()).isEqualTo(expected.openAlerts());
    });
  }
}
