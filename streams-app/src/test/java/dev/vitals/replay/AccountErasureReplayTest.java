package dev.vitals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.events.EventType;
import dev.vitals.events.InputLine;
import dev.vitals.events.JsonEventCodec;
import dev.vitals.health.HealthEvaluator;
import dev.vitals.it.Outcome;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.PipelineDriver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An erasure line in replay's input ({@code {"type": "erasure", ...}}) does what a tombstone on vitals.accounts does
 * live: on the same history, with the same erasure in the same place, replay and the topology end alike, and the
 * erased account is gone from both (its stragglers refused, its later events a fresh account).
 */
class AccountErasureReplayTest {
  private static final int EVENTS_PER_INTERVAL = 150;
  private final JsonEventCodec codec = new JsonEventCodec();

  @TempDir
  Path dir;

  private List<SpecificRecord> events;
  private int erasedAtIndex;
  private InputLine.Erasure erasure;

  @BeforeEach
  void historyWithAnErasureTwoThirdsThrough() {
    events = new HistorySimulator(7, 8, Instant.parse("2026-06-01T00:00:00Z"), 40).stream().toList();
    erasedAtIndex = events.size() * 2 / 3;
    SpecificRecord there = events.get(erasedAtIndex);
    // Asked for a day ahead of the events around it: the account's next day of events is still in flight.
    erasure = new InputLine.Erasure(EventType.accountId(events.get(0)), EventType.occurredAt(there).plus(
        Duration.ofDays(1)));
  }

  @Test
  void shouldEndWithTheSameHealthAndOpenAlertsAsTheTopologyWhenAnAccountIsErased() throws IOException {
    Outcome replayed = replayed();
    Outcome live = onTheTopology();

    assertThat(replayed.finalHealth()).as("the erased account came back fresh with its later events").hasSize(8);
    assertThat(replayed).isEqualTo(live);
  }

  @Test
  void shouldRefuseStragglersAndResolveTheErasedAccountsAlerts() throws IOException {
    replayed();

    List<String> rejected = Files.readAllLines(dir.resolve("out/rejected.jsonl"));
    List<String> alerts = Files.readAllLines(dir.resolve("out/alerts.jsonl"));
    long stragglers = events.subList(erasedAtIndex, events.size()).stream()
        .filter(event -> EventType.accountId(event).equals(erasure.accountId()))
        .filter(event -> !EventType.occurredAt(event).isAfter(erasure.erasedAt()))
        .count();
    assertThat(stragglers).isPositive();
    assertThat(rejected.stream().filter(line -> line.contains("erased_account"))).hasSize((int) stragglers);
    assertThat(alerts).filteredOn(line -> line.contains(HealthEvaluator.ERASED_REASON))
        .allSatisfy(line -> assertThat(line).contains("\"accountId\":\"" + erasure.accountId() + "\""));
  }

  @Test
  void shouldRefuseAnErasureLineWithoutAnAccount() throws IOException {
    Path input = dir.resolve("bad.jsonl");
    Files.writeString(input, "{\"type\":\"erasure\",\"erasedAt\":\"2026-06-01T00:00:00Z\"}\n"
        + "{\"type\":\"erasure\",\"accountId\":\"acme\",\"erasedAt\":\"yesterday\"}\n");
    StringWriter diagnostics = new StringWriter();

    ReplaySummary summary = new Replay(ScoringConfig.defaults()).run(input, dir.resolve("bad"),
        new PrintWriter(diagnostics, true));

    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(diagnostics.toString()).contains("accountId").contains("erasedAt");
  }

  /** What {@code replay} writes for the history with the erasure line in place. */
  private Outcome replayed() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (i == erasedAtIndex) {
        lines.add(codec.format(erasure));
      }
      lines.add(codec.format(events.get(i)));
    }
    Path input = dir.resolve("history.jsonl");
    Files.write(input, lines);
    new Replay(ScoringConfig.defaults()).run(input, dir.resolve("out"), new PrintWriter(new StringWriter()));
    return Outcome.ofJsonLines(Files.readAllLines(dir.resolve("out/health.jsonl")),
        Files.readAllLines(dir.resolve("out/alerts.jsonl")));
  }

  /** The topology on the same records, the erasure a tombstone stamped with its time, in another batching. */
  private Outcome onTheTopology() {
    Map<String, AccountHealth> finalHealth = new LinkedHashMap<>();
    List<ChurnAlert> alerts = new ArrayList<>();
    try (PipelineDriver pipeline = new PipelineDriver()) {
      for (int i = 0; i < events.size(); i++) {
        if (i == erasedAtIndex) {
          pipeline.sendRaw("vitals.accounts", erasure.accountId(), null, erasure.erasedAt());
        }
        pipeline.send(events.get(i));
        if ((i + 1) % EVENTS_PER_INTERVAL == 0) {
          drain(pipeline, finalHealth, alerts);
        }
      }
      drain(pipeline, finalHealth, alerts);
    }
    return Outcome.of(new ArrayList<>(finalHealth.values()), alerts);
  }

  private static void drain(PipelineDriver pipeline, Map<String, AccountHealth> finalHealth,
      List<ChurnAlert> alerts) {
    pipeline.flush();
    pipeline.healthTopic().forEach(record -> {
      if (record.value == null) {
        finalHealth.remove(record.key);
      } else {
        finalHealth.put(record.key, record.value);
      }
    });
    alerts.addAll(pipeline.alerts());
  }
}
