package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitals.broker.EmbeddedKafka;
import dev.vitals.replay.AccountPartitions;
import dev.vitals.runtime.EventPublisher;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.AlertAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under chaos, checked as Kafka's StreamsEosTest verifier checks it: two {@code run} JVMs of one
 * application on four partitions (so tasks move between them) are killed with SIGKILL at seeded random points, one
 * of them again as soon as it is RUNNING after its restore; this test's own broker is killed the same way and
 * restarted on its data; the input carries duplicates and events out of order within the grace period. At the end
 * every account's final health record (every field), the open alerts and the alert topic as a whole equal or satisfy
 * {@code replay --partitions 4} of the de-duplicated input, and an independent verifier ({@link InputFigures})
 * recomputes event counts, usage sums, NPS, CSAT answers and MRR from the input topics.
 *
 * <p>The suite runs the smoke mode (2 kills, the second as soon as the first restart is RUNNING; 1 broker crash; 30 s
 * of input, longer by the time the faults take). The long mode, on demand:
 * {@code mvn -o -B -pl streams-app -am verify -Dit.test=ChaosIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvitals.chaos.kills=20 -Dvitals.chaos.broker.restarts=2 -Dvitals.chaos.seconds=120 -Dvitals.chaos.accounts=40}
 * ({@code -Dvitals.chaos.seed=N} repeats a run; the figures of each run are in docs/reliability.md).
 */
@ExtendWith(SharedCluster.class)
class ChaosIT {
  private static final int PARTITIONS = 4;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Instant HISTORY_START = Instant.parse("2025-03-03T00:00:00Z");
  /** Five days: every KPI window (7 days and longer) then covers the whole history, so every sum can be checked. */
  private static final int HISTORY_DAYS = 5;

  /** Kept when the test fails: the instances' and the broker's logs are there. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path work;

  private EmbeddedKafka broker;
  private final RunJvm[] instances = new RunJvm[2];
  private final Path[] configs = new Path[2];
  private final int[] ports = new int[2];
  private final ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
  private long started;

  @AfterEach
  void stopEverything() {
    feed.shutdownNow();
    for (RunJvm instance : instances) {
      if (instance != null) {
        instance.kill();
      }
    }
    if (broker != null) {
      broker.stop();
    }
  }

  @Test
  void underKillsBrokerCrashesDuplicatesAndReorderingTheOutputsEqualReplayOfTheDeduplicatedInput() throws Exception {
    ChaosPlan.Chaos chaos = ChaosPlan.Chaos.fromSystemProperties();
    System.out.println("ChaosIT in " + work + ": " + chaos + " (rerun with -Dvitals.chaos.seed=" + chaos.seed() + ")");
    Random random = new Random(chaos.seed());
    started = System.nanoTime();

    // given: a history with duplicates and late events, what replay makes of it on four partitions, a broker of
    // this test's own (it is crashed), and two instances of one application on four-partition topics
    List<SpecificRecord> history =
        new HistorySimulator(chaos.seed(), chaos.accounts(), HISTORY_START, HISTORY_DAYS).stream().toList();
    ChaosInput input = ChaosInput.of(history, random, 0.03, 0.03);
    List<SpecificRecord> deduplicated = input.deduplicated();
    CompletableFuture<Outcome> replay = ReplayOracle.inBackground(deduplicated, work.resolve("oracle"), PARTITIONS);
    String registryUrl = SharedCluster.cluster().registryUrl();
    broker = new EmbeddedKafka(work.resolve("kafka"), 0).start();
    String bootstrap = broker.bootstrapServers();
    ItTopics topics = ItTopics.create(".chaos-it", PARTITIONS, bootstrap, registryUrl);
    for (int i = 0; i < 2; i++) {
      InstanceSettings settings = new InstanceSettings("vitals-chaos-it", bootstrap, registryUrl,
          work.resolve("state-" + i), topics);
      configs[i] = settings.writeTo(work.resolve("vitals-" + i + ".properties"));
      ports[i] = settings.httpPort();
      instances[i] = start(i);
    }
    for (RunJvm instance : instances) {
      instance.awaitReady(READY_TIMEOUT);
    }
    log("both instances RUNNING; " + history.size() + " events, published as " + input.published().size()
        + " records (" + input.duplicates() + " duplicates, " + input.reorders() + " delayed)");

    // when: the input flows in chunks while the planned faults strike
    int chunks = chaos.chunks();
    List<ChaosPlan.Fault> plan = ChaosPlan.of(chaos, random, chunks);
    log("faults after chunks: " + plan);
    int chunkSize = (input.published().size() + chunks - 1) / chunks;
    AtomicInteger chunksSent = new AtomicInteger();
    // The feed runs at most GATE_SLACK chunks past the next fault not yet begun: a restart takes far longer than the
    // feed would need to finish, and every fault must strike while input still flows (and flows on through it).
    AtomicInteger gate = new AtomicInteger(plan.isEmpty() ? chunks : plan.get(0).afterChunk() + ChaosPlan.GATE_SLACK);
    AtomicReference<Throwable> feedFailure = new AtomicReference<>();
    int kills = 0;
    int killsOnceRestored = 0;
    int brokerCrashes = 0;
    int faultsWhileFlowing = 0;
    try (EventPublisher publisher = new EventPublisher(bootstrap, Map.of(), topics.events())) {
      feed.scheduleAtFixedRate(() -> {
        int chunk = chunksSent.get();
        if (chunk < Math.min(chunks, gate.get()) && feedFailure.get() == null) {
          try {
            input.published().subList(Math.min(input.published().size(), chunk * chunkSize),
                Math.min(input.published().size(), (chunk + 1) * chunkSize)).forEach(publisher::publish);
            publisher.flush();
            chunksSent.incrementAndGet();
          } catch (RuntimeException e) {
            feedFailure.set(e);
          }
        }
      }, 0, ChaosPlan.CHUNK_EVERY.toMillis(), TimeUnit.MILLISECONDS);

      for (int f = 0; f < plan.size(); f++) {
        ChaosPlan.Fault fault = plan.get(f);
        await().atMost(Duration.ofSeconds(chaos.feedSeconds() + 120L))
            .until(() -> chunksSent.get() >= fault.afterChunk() || feedFailure.get() != null);
        gate.set(f + 1 < plan.size() ? plan.get(f + 1).afterChunk() + ChaosPlan.GATE_SLACK : chunks);
        faultsWhileFlowing += chunksSent.get() < chunks ? 1 : 0;
        switch (fault.kind()) {
          case KILL -> {
            killAndRestart(random.nextInt(2));
            kills++;
          }
          case KILL_AGAIN_ONCE_RESTORED -> {
            int victim = random.nextInt(2);
            killAndRestart(victim);
            // at once: the restore has just completed (RUNNING), nothing processed since may be lost or doubled
            killAndRestart(victim);
            kills += 2;
            killsOnceRestored++;
          }
          case BROKER_CRASH -> {
            long pid = broker.pid();
            broker.kill();
            log("killed broker pid " + pid + " after chunk " + chunksSent.get());
            broker.start();
            log("broker restarted on its data as pid " + broker.pid());
            for (RunJvm instance : instances) {
              instance.awaitReady(READY_TIMEOUT);
            }
            log("both instances RUNNING again");
            brokerCrashes++;
          }
        }
      }
      await().atMost(Duration.ofSeconds(chaos.feedSeconds() + 120L))
          .until(() -> chunksSent.get() >= chunks || feedFailure.get() != null);
      assertThat(feedFailure.get()).as("publishing").isNull();
      log("all input published; " + faultsWhileFlowing + " of " + plan.size() + " faults struck while it flowed");
    }

    // then: once caught up, every account's final health (every field), the open alerts and the whole alert topic
    // agree with replay of the de-duplicated input, and the outputs are neither empty nor missing an account
    Outcome expected = replay.join();
    log("replay done");
    Outcome[] seen = new Outcome[1];
    try {
      awaitOutputsEqual(topics, bootstrap, history, expected, seen);
    } catch (ConditionTimeoutException e) {
      // Missing accounts fail the comparison first; which present ones are stale tells a stuck task or transaction.
      log("outputs still differ, every account's fields: " + HealthDifferences.of(expected.finalHealth(),
          topics.observed(bootstrap).finalHealth()));
      log("the broker's view:\n" + TransactionDiagnostics.of(bootstrap));
      throw e;
    }
    assertThat(expected.openAlerts()).as("some alerts open at the end").isNotEmpty();
    List<ChurnAlert> alerts = topics.alerts(bootstrap);
    AlertAssertions.assertAtMostOneOpenPerAccountAndRule(alerts);
    log("outputs equal replay's");

    // and: the independent verifier finds every record on the input topics, duplicates included, and its own
    // figures in the health records
    InputFigures onTopics = InputFigures.read(bootstrap, topics);
    InputFigures published = InputFigures.of(input.published());
    InputFigures once = InputFigures.of(deduplicated);
    assertThat(onTopics.records()).as("input records on the broker").isEqualTo(published.records());
    assertThat(onTopics.duplicates()).as("duplicates on the broker").isEqualTo(published.duplicates())
        .isPositive();
    onTopics.accounts().forEach((account, figures) -> assertThat(figures.eventsByKind).as(account)
        .isEqualTo(once.accounts().get(account).eventsByKind));
    // and: replay put each account on the partition the producer did
    AccountPartitions partitions = new AccountPartitions(PARTITIONS);
    assertThat(TopicReader.readAll(bootstrap, topics.topics().usage()))
        .allSatisfy(record -> assertThat(partitions.of(record.key())).as(record.key()).isEqualTo(record.partition()));
    assertThat(onTopics.differencesFrom(seen[0].finalHealth(), true)).as("independent verifier vs health records")
        .isEmpty();
    long figuresChecked = onTopics.figures(true);

    System.out.printf("ChaosIT summary: seed=%d kills=%d (right after a restore: %d) broker-crashes=%d"
            + " faults-while-input-flowed=%d/%d events=%d records-published=%d duplicates=%d delayed=%d"
            + " accounts=%d health-fields-checked=%d alert-transitions-checked=%d open-alerts=%d"
            + " verifier-records=%d verifier-figures=%d took=%.0fs%n",
        chaos.seed(), kills, killsOnceRestored,
        brokerCrashes, faultsWhileFlowing, plan.size(), history.size(), input.published().size(),
        input.duplicates(), input.reorders(), seen[0].finalHealth().size(),
        HealthDifferences.fieldsIn(seen[0].finalHealth()), alerts.size(), expected.openAlerts().size(),
        onTopics.records(), figuresChecked, (System.nanoTime() - started) / 1e9);
  }

  private void awaitOutputsEqual(ItTopics topics, String bootstrap, List<SpecificRecord> history, Outcome expected,
      Outcome[] seen) {
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
      assertThat(instances).allSatisfy(instance -> assertThat(instance.isAlive()).as("instance alive").isTrue());
      assertThat(topics.deadLetters(bootstrap)).as("dead letters").isEmpty();
      Outcome actual = topics.observed(bootstrap);
      assertThat(actual.finalHealth().keySet()).isEqualTo(ItTopics.accountsOf(history));
      assertThat(HealthDifferences.of(expected.finalHealth(), actual.finalHealth())).isEmpty();
      assertThat(actual.openAlerts()).isEqualTo(expected.openAlerts());
      seen[0] = actual;
    });
  }

  private RunJvm start(int i) {
    return new RunJvm(configs[i], work.resolve("run-" + i + ".log"), ports[i]).start();
  }

  private void killAndRestart(int i) {
    long pid = instances[i].pid();
    instances[i].kill();
    log("killed instance " + i + " (pid " + pid + ")");
    instances[i] = start(i);
    instances[i].awaitReady(READY_TIMEOUT);
    log("instance " + i + " restarted as pid " + instances[i].pid() + ", RUNNING");
  }

  private void log(String what) {
    System.out.printf("ChaosIT +%.1fs: %s%n", (System.nanoTime() - started) / 1e9, what);
  }
}
