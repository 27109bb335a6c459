package dev.vitals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.events.EventType;
import dev.vitals.events.JsonEventCodec;
import dev.vitals.it.HealthDifferences;
import dev.vitals.it.Outcome;
import dev.vitals.kpi.KpiPeriod;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.CostEntry;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.PipelineDriver;
import dev.vitals.testing.TestEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On input topics of several partitions the service runs one stream task per partition, each with its own event
 * clock. Here each task is a topology on its own test driver fed the events of its partition's accounts (the
 * partition the producer's default partitioner picks), and {@code replay --partitions 4} must end with the same
 * health records (every field) and the same open alerts; a replay with one clock for everything must not.
 */
class ReplayOnPartitionsMatchesTasksTest {
  private static final int PARTITIONS = 4;
  /** Events a task takes between two emit intervals: a batching unlike replay's. */
  private static final int EVENTS_PER_INTERVAL = 60;

  @TempDir
  Path dir;

  @Test
  void replayOnFourPartitionsEndsLikeFourStreamTasks() throws IOException {
    // given: a history whose accounts fall on every one of four partitions, and whose last usage is two days
    // later on one partition only (its accounts log in again): that task's clock runs ahead of the others'
    HistorySimulator history = new HistorySimulator(11, 16, Instant.parse("2026-03-02T00:00:00Z"), 35);
    AccountPartitions partitions = new AccountPartitions(PARTITIONS);
    Set<Integer> used = new TreeSet<>();
    history.archetypes().keySet().forEach(account -> used.add(partitions.of(account)));
    assertThat(used).hasSize(PARTITIONS);
    List<SpecificRecord> events = new ArrayList<>(history.stream().toList());
    String later = history.end().plus(Duration.ofDays(2)).toString();
    history.archetypes().keySet().stream().filter(account -> partitions.of(account) == 0)
        .forEach(account -> events.add(TestEvents.login(account, later, "u-later")));

    // when: each partition's events go through a task of their own, and replay runs over the same events
    Outcome tasks = onFourTasks(events, partitions);
    Outcome replayedOnFour = replayed(events, PARTITIONS);
    Outcome replayedOnOne = replayed(events, 1);

    // then: replay on four partitions ends as the four tasks do, for every account
    assertThat(tasks.finalHealth().keySet()).isEqualTo(history.archetypes().keySet());
    assertThat(HealthDifferences.of(tasks.finalHealth(), replayedOnFour.finalHealth())).isEmpty();
    assertThat(replayedOnFour.openAlerts()).isNotEmpty().isEqualTo(tasks.openAlerts());
    // and: the partitions' clocks are what makes the difference: one clock for all does not end the same
    assertThat(HealthDifferences.of(tasks.finalHealth(), replayedOnOne.finalHealth())).isNotEmpty();
  }

  @Test
  void anAccountGoesToThePartitionTheProducerPicksForItsKey() {
    // the producer's own choice for a keyed record: KafkaProducer calls BuiltInPartitioner when no partitioner is set
    for (int count : new int[] {1, 4, 7}) {
      AccountPartitions partitions = new AccountPartitions(count);
      for (int n = 1; n <= 50; n++) {
        String account = String.format("acc-%04d", n);
        assertThat(partitions.of(account)).as(account + " of " + count)
            .isEqualTo(BuiltInPartitioner.partitionForKey(account.getBytes(StandardCharsets.UTF_8), count));
      }
    }
  }

  private Outcome replayed(List<SpecificRecord> history, int partitions) throws IOException {
    Path events = dir.resolve("history.jsonl");
    JsonEventCodec codec = new JsonEventCodec();
    Files.write(events, history.stream().map(codec::format).toList());
    Path out = dir.resolve("out-" + partitions);
    new Replay(ScoringConfig.defaults(), KpiPeriod.MONTH, partitions).run(events, out,
        new PrintWriter(new StringWriter()));
    return Outcome.ofJsonLines(Files.readAllLines(out.resolve("health.jsonl")),
        Files.readAllLines(out.resolve("alerts.jsonl")));
  }

  private static Outcome onFourTasks(List<SpecificRecord> events, AccountPartitions partitions) {
    List<AccountHealth> health = new ArrayList<>();
    List<ChurnAlert> alerts = new ArrayList<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      try (PipelineDriver task = new PipelineDriver()) {
        int sent = 0;
        for (SpecificRecord event : events) {
          if (!(event instanceof CostEntry) && partitions.of(EventType.accountId(event)) == partition) {
            task.send(event);
            if (++sent % EVENTS_PER_INTERVAL == 0) {
              task.flush();
            }
          }
        }
        task.flush();
        health.addAll(task.healthRecords());
        alerts.addAll(task.alerts());
      }
    }
    return Outcome.of(health, alerts);
  }
}
