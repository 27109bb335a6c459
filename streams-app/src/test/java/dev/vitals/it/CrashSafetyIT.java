package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitals.runtime.EventPublisher;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.AlertAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under crashes: a {@code run} JVM is killed with SIGKILL three times at random points while input
 * flows, restarted each time on the same state directory, and its committed outputs end equal to replay's.
 */
@ExtendWith(SharedCluster.class)
class CrashSafetyIT {
  private static final int KILLS = 3;
  private static final int CHUNKS = 45;
  private static final Duration CHUNK_EVERY = Duration.ofMillis(900);
  /** Counts in the health record's KPIs: any event applied twice (or lost) shows in them. */
  private static final List<String> COUNTS = List.of("/kpis/usageEvents7d", "/kpis/apiCalls7d",
      "/kpis/docViews30d", "/kpis/ticketsOpened30d", "/kpis/ticketsResolved30d", "/kpis/npsRespondents",
      "/kpis/csatAnswers", "/kpis/paymentFailures30d", "/kpis/activeUsers30d");

  @TempDir
  Path work;

  private RunJvm instance;
  private final ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopEverything() {
    feed.shutdownNow();
    if (instance != null) {
      instance.kill();
    }
  }

  @Test
  void killingTheServiceHardWhileInputFlowsNeitherLosesNorDoublesAnyEvent() throws Exception {
    long seed = Long.getLong("vitals.it.seed", System.currentTimeMillis());
    System.out.println("CrashSafetyIT seed " + seed + " (rerun with -Dvitals.it.seed=" + seed + ")");
    Random random = new Random(seed);
    long started = System.nanoTime();

    // given: twenty accounts' forty days, what replay makes of them, and a `run` JVM on fresh topics
    SharedCluster.Cluster cluster = SharedCluster.cluster();
    List<SpecificRecord> history =
        new HistorySimulator(seed, 20, Instant.parse("2025-01-06T00:00:00Z"), 40).stream().toList();
    CompletableFuture<Outcome> replay = ReplayOracle.inBackground(history, work.resolve("oracle"));
    ItTopics topics = ItTopics.create(".crash-it", 1, cluster.bootstrapServers(), cluster.registryUrl());
    InstanceSettings settings = new InstanceSettings("vitals-crash-it", cluster.bootstrapServers(),
        cluster.registryUrl(), work.resolve("state"), topics);
    instance = RunJvm.in(work, settings).start();
    instance.awaitReady(Duration.ofSeconds(60));

    // when: the history is published in chunks at a steady pace, and the JVM is killed at random points
    int chunkSize = (history.size() + CHUNKS - 1) / CHUNKS;
    AtomicInteger chunksSent = new AtomicInteger();
    try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), Map.of(), topics.events())) {
      feed.scheduleAtFixedRate(() -> {
        int chunk = chunksSent.get();
        if (chunk < CHUNKS) {
          history.subList(Math.min(history.size(), chunk * chunkSize),
              Math.min(history.size(), (chunk + 1) * chunkSize)).forEach(publisher::publish);
          publisher.flush();
          chunksSent.incrementAndGet();
        }
      }, 0, CHUNK_EVERY.toMillis(), TimeUnit.MILLISECONDS);

      List<Integer> killPoints = killPoints(random);
      System.out.println("CrashSafetyIT: " + history.size() + " events in " + CHUNKS + " chunks; kill -9 after chunks "
          + killPoints);
      for (int planned : killPoints) {
        // Never at once after a restart: at least one more chunk must reach the new instance before it dies.
        int killAfter = Math.max(planned, chunksSent.get() + 1 + random.nextInt(3));
        assertThat(killAfter).as("kill while input still flows").isLessThan(CHUNKS);
        await().atMost(Duration.ofSeconds(90)).until(() -> chunksSent.get() >= killAfter);
        long pid = instance.pid();
        instance.kill();
        log(started, "killed pid " + pid + " after chunk " + chunksSent.get());
        instance = RunJvm.in(work, settings).start();
        instance.awaitReady(Duration.ofSeconds(90));
        log(started, "restarted as pid " + instance.pid() + ", RUNNING");
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> chunksSent.get() >= CHUNKS);
      log(started, "all input published");
    }

    Outcome expected = replay.join();
    log(started, "replay done");
    // then: once caught up, every count and every final health record and open alert equals replay's
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      assertThat(topics.deadLetters(cluster.bootstrapServers())).as("dead letters").isEmpty();
      Outcome actual = topics.observed(cluster.bootstrapServers());
      for (String count : COUNTS) {
        assertThat(actual.field(count)).as(count).isEqualTo(expected.field(count));
      }
      assertThat(actual.finalHealth()).isEqualTo(expected.finalHealth());
      assertThat(actual.openAlerts()).isEqualTo(expected.openAlerts());
      // not two empty outputs agreeing: every account of the input has a health record, some alerts are open, and
      // the alert topic as a whole (not only each rule's last state) never raises twice without resolving between
      assertThat(actual.finalHealth().keySet()).isEqualTo(ItTopics.accountsOf(history));
      assertThat(expected.openAlerts()).isNotEmpty();
      AlertAssertions.assertAtMostOneOpenPerAccountAndRule(topics.alerts(cluster.bootstrapServers()));
      // and: an independent verifier's MRR, NPS and CSAT figures, from the input topics by arithmetic of its own (the
      // forty days fit their windows of 90; the usage sums' windows of 7 and 30 days do not, so they are left out)
      assertThat(InputFigures.read(cluster.bootstrapServers(), topics).differencesFrom(actual.finalHealth(), false))
          .as("independent verifier vs health records").isEmpty();
    });
    log(started, "outputs equal replay's");
  }

  private static void log(long started, String what) {
    System.out.printf("CrashSafetyIT +%.1fs: %s%n", (System.nanoTime() - started) / 1e9, what);
  }

  /** One kill in each third of the input's middle, so they spread over the run: chunk numbers 4..36. */
  private static List<Integer> killPoints(Random random) {
    List<Integer> points = new ArrayList<>();
    int span = (CHUNKS - 8) / KILLS;
    for (int k = 0; k < KILLS; k++) {
      points.add(4 + k * span + random.nextInt(span));
    }
    return points;
  }
}
