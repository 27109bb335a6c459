package dev.vitals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.it.Outcome;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.UsageEvent;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.PipelineDriver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay runs the domain code without Kafka; the service runs the topology. On the same simulated history both
 * must end with the same health records (every field) and the same open alerts, whatever their batching.
 */
class ReplayMatchesTopologyTest {
  /** Events between two emit intervals on the test driver: a batching unlike replay's. */
  private static final int EVENTS_PER_INTERVAL = 150;

  @TempDir
  Path dir;

  @Test
  void shouldEndWithTheSameHealthAndOpenAlertsAsTheTopology() throws IOException {
    HistorySimulator history = new HistorySimulator(7, 8, Instant.parse("2026-06-01T00:00:00Z"), 40);

    Outcome replayed = replayed(history);
    Outcome live = onTheTopology(history.stream().toList());

    assertThat(replayed.finalHealth()).hasSize(8);
    assertThat(replayed.openAlerts()).isNotEmpty();
    assertThat(replayed).isEqualTo(live);
  }

  @Test
  void shouldEndLikeReplayWhenTheOtherSourcesRunAheadOfUsage() throws IOException {
    // Kafka Streams orders records across topics on a best-effort basis: on a broker a batch of tickets, invoices and
    // answers may be processed before the usage events published with them. Here every chunk's usage comes last, so
    // accounts are often decided on a day the partition's usage has not reached yet (the usage horizon cuts).
    HistorySimulator history = new HistorySimulator(7, 8, Instant.parse("2026-06-01T00:00:00Z"), 40);
    Outcome replayed = replayed(history);

    Outcome live = onTheTopology(usageLastInEachChunk(history.stream().toList(), 45));

    assertThat(replayed.finalHealth()).hasSize(8);
    assertThat(replayed).isEqualTo(live);
  }

  /** What {@code replay} writes for the history: its final health and open alerts. */
  private Outcome replayed(HistorySimulator history) throws IOException {
    Path events = dir.resolve("history.jsonl");
    try (Writer writer = Files.newBufferedWriter(events)) {
      history.writeJsonLines(writer);
    }
    new Replay(ScoringConfig.defaults()).run(events, dir.resolve("out"), new PrintWriter(new StringWriter()));
    return Outcome.ofJsonLines(Files.readAllLines(dir.resolve("out/health.jsonl")),
        Files.readAllLines(dir.resolve("out/alerts.jsonl")));
  }

  private static List<SpecificRecord> usageLastInEachChunk(List<SpecificRecord> events, int chunks) {
    int size = (events.size() + chunks - 1) / chunks;
    List<SpecificRecord> reordered = new ArrayList<>(events.size());
    for (int from = 0; from < events.size(); from += size) {
      List<SpecificRecord> chunk = events.subList(from, Math.min(events.size(), from + size));
      chunk.stream().filter(event -> !(event instanceof UsageEvent)).forEach(reordered::add);
      chunk.stream().filter(event -> event instanceof UsageEvent).forEach(reordered::add);
    }
    return reordered;
  }

  private static Outcome onTheTopology(List<SpecificRecord> events) {
    List<AccountHealth> health = new ArrayList<>();
    List<ChurnAlert> alerts = new ArrayList<>();
    try (PipelineDriver pipeline = new PipelineDriver()) {
      for (int i = 0; i < events.size(); i++) {
        pipeline.send(events.get(i));
        if ((i + 1) % EVENTS_PER_INTERVAL == 0) {
          pipeline.flush();
          health.addAll(pipeline.healthRecords());
          alerts.addAll(pipeline.alerts());
        }
      }
      pipeline.flush();
      health.addAll(pipeline.healthRecords());
      alerts.addAll(pipeline.alerts());
    }
    return Outcome.of(health, alerts);
  }
}
