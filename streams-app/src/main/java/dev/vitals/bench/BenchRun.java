package dev.vitals.bench;

import dev.vitals.replay.Replay;
import dev.vitals.replay.ReplaySummary;
import dev.vitals.scoring.ScoringConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One bench run, phase by phase, each on the same backlog: load it; a plain consumer, the pass-through, the
 * pipeline at-least-once and then exactly-once over it; the exactly-once pipeline's state; a restart on its local
 * state, fed at half its throughput for freshness; a restart with the state wiped; replay of the same history.
 * Every instance, client and thread a phase starts is stopped before the next phase, the broker at the end.
 */
final class BenchRun {
  private static final String PIPELINE = "bench-pipeline-eos";
  /** Unmeasured pipeline records before the measured runs: enough for the JIT to settle. */
  private static final long WARM_UP_RECORDS = 150_000;

  private final Path home;
  private final int accountCount;
  private final long eventCount;
  private final int partitions;
  private final int streamThreads;
  private final Duration feedFor;
  private final Duration timeout;
  private final PrintWriter terminal;

  BenchRun(Path home, int accountCount, long eventCount, int partitions, int streamThreads, Duration feedFor,
      Duration timeout, PrintWriter terminal) {
    this.home = home;
    this.streamThreads = streamThreads;
    this.accountCount = accountCount;
    this.eventCount = eventCount;
    this.partitions = partitions;
    this.feedFor = feedFor;
    this.timeout = timeout;
    this.terminal = terminal;
  }

  /** Runs every phase; fills {@code parameters} with what the report must say about the run. */
  BenchResults run(Map<String, String> parameters) throws IOException {
    say(terminal, "Starting a Kafka broker on 127.0.0.1 and an in-process schema registry (mock://, so no Java 21 "
        + "runtime is needed) ...");
    try (BenchCluster cluster = BenchCluster.start(home, partitions, streamThreads)) {
      say(terminal, "Loading the backlog: " + accountCount + " accounts, " + eventCount + " events ...");
      Backlog backlog = Backlog.load(cluster, accountCount, eventCount, home.resolve("history.jsonl"));
      BenchCluster.CommitInterval commit = cluster.serviceCommitInterval();
      describe(parameters, cluster, backlog, commit);

      Throughput speeds = throughputAndState(cluster, backlog, commit);
      // Measured after a clean close, when RocksDB has flushed its memtables: the files then hold the whole state.
      long onDisk = StateFootprint.bytesOnDisk(cluster.stateDir(PIPELINE));

      Recovery recovery = new Recovery(cluster, timeout);
      Recovery.Started fromDisk = recovery.restart(PIPELINE);
      Freshness fresh;
      ScrapeTime scrape;
      try {
        say(terminal, String.format("  restart with local state: %d ms to RUNNING", fromDisk.toRunning().toMillis()));
        scrape = ScrapeTime.measure(fromDisk.service().httpPort(), backlog.accounts().size(),
            Duration.ofMinutes(1));
        say(terminal, String.format("  GET /metrics with %,d accounts owned: median %d ms, max %d ms, %,d bytes",
            scrape.accounts(), scrape.median().toMillis(), scrape.max().toMillis(), scrape.bytes()));
        Duration settle = feedFor.compareTo(Duration.ofSeconds(30)) > 0 ? feedFor : Duration.ofSeconds(30);
        fresh = Freshness.measure(cluster, backlog.accounts(), speeds.exactlyOnce() / 2, feedFor, settle,
            terminal);
        say(terminal, String.format("  freshness: %d of %d events reflected; p50 %d ms, p99 %d ms, max %d ms",
            fresh.matched(), fresh.sent(), fresh.p50(), fresh.p99(), fresh.max()));
      } finally {
        fromDisk.service().close();
      }
      Recovery.Started fromChangelogs = recovery.restartFromChangelogs(PIPELINE);
      fromChangelogs.service().close();
      say(terminal, String.format("  restart with the state wiped: %d ms to RUNNING",
          fromChangelogs.toRunning().toMillis()));

      parameters.put("freshness", String.format("usage events at %,.0f events/s (half the exactly-once throughput) "
          + "for %s to the restarted pipeline; %,d fed, %,d reflected by a health record", fresh.rate(), feedFor,
          fresh.sent(), fresh.matched()));
      double replay = report(terminal, "replay", replay(backlog.jsonLines(), home.resolve("replay")));
      return new BenchResults(speeds.exactlyOnce(), speeds.atLeastOnce(), speeds.passThrough(), speeds.plain(), fresh,
          speeds.state(), backlog.inputBytes(), onDisk, speeds.heap(), fromDisk.toRunning(),
          fromChangelogs.toRunning(), scrape, replay);
    }
  }

  /** The four readers' events/s over the backlog, and the exactly-once pipeline's state once it is done. */
  private record Throughput(double plain, double passThrough, double atLeastOnce, double exactlyOnce, long heap,
      StateFootprint state) {}

  private Throughput throughputAndState(BenchCluster cluster, Backlog backlog, BenchCluster.CommitInterval commit) {
    try (GroupProgress progress = GroupProgress.of(cluster, cluster.inputTopics())) {
      ThroughputRun runs = new ThroughputRun(cluster, progress, timeout, terminal);
      // Warm-up first, so the pass-through it is compared with finds the same warm JIT (decoding is shared).
      runs.warmUp("bench-pipeline-warm-up", WARM_UP_RECORDS);
      double plain = report(terminal, "plain consumer", runs.plainConsumer());
      double passThrough = report(terminal, "stateless pass-through, exactly-once",
          runs.passThrough("bench-pass-through", commit.millis()));
      ThroughputRun.PipelineRun eos = runs.pipeline(PIPELINE, Map.of());
      double exactlyOnce;
      long heap;
      StateFootprint state;
      try {
        exactlyOnce = report(terminal, "pipeline, exactly-once", eos.eventsPerSecond());
        // Heap first: reading the changelogs below allocates what a running instance would not hold.
        heap = StateFootprint.heapAfterGc();
        state = StateFootprint.measure(cluster, PIPELINE, eos.service().streams(), backlog.accounts(), timeout);
        say(terminal, "  state of " + state.accounts() + " of " + backlog.accounts().size() + " accounts read;"
            + " median bytes per account by store: " + BenchReport.byStore(state));
      } finally {
        eos.service().close();
      }
      ThroughputRun.PipelineRun alos = runs.pipeline("bench-pipeline-alos", Map.of(
          "processing.guarantee", "at_least_once", "commit.interval.ms", Long.toString(commit.millis())));
      alos.service().close();
      double atLeastOnce = report(terminal, "pipeline, at-least-once", alos.eventsPerSecond());
      return new Throughput(plain, passThrough, atLeastOnce, exactlyOnce, heap, state);
    }
  }

  private static void describe(Map<String, String> parameters, BenchCluster cluster, Backlog backlog,
      BenchCluster.CommitInterval commit) {
    parameters.put("backlog", String.format("%,d events over %,d accounts from the simulator (%s)", backlog.events(),
        backlog.accounts().size(), backlog.mix()));
    parameters.put("input bytes", String.format("%,d (record batches as produced, uncompressed)",
        backlog.inputBytes()));
    parameters.put("partitions", cluster.partitions() + " per account topic (costs: 1); broker on 127.0.0.1");
    parameters.put("schema registry", "in-process (mock://): no Java 21 runtime needed; not on the measured path");
    parameters.put("pipeline", "VitalsService with its default settings (exactly_once_v2, commit.interval.ms "
        + commit.millis()
        + ", " + cluster.streamThreads() + " stream thread(s)), default scoring model (emit interval "
        + ScoringConfig.defaults().pipeline().emitInterval() + "); a fresh application id per run; before the"
        + " measured runs, an unmeasured one over the first " + String.format("%,d", WARM_UP_RECORDS)
        + " records warms the JIT (before every measured run, the pass-through's included); then exactly-once, then"
        + " at-least-once");
    parameters.put("at-least-once run", "the same, with processing.guarantee at_least_once and commit.interval.ms "
        + commit.millis());
    parameters.put("pass-through", "Kafka Streams, exactly_once_v2, commit.interval.ms " + commit.millis()
        + ": each input topic decoded with its Avro deserializer, encoded again, written to a copy topic");
    parameters.put("timing", "Streams runs from RUNNING until the group's committed offsets reach the input's end "
        + "offsets (polled every " + GroupProgress.POLL.toMillis() + " ms); input and health topics use "
        + "LogAppendTime");
  }

  private static double replay(Path jsonLines, Path outDir) throws IOException {
    long started = System.nanoTime();
    ReplaySummary summary = new Replay(ScoringConfig.defaults()).run(jsonLines, outDir,
        new PrintWriter(Writer.nullWriter()));
    return summary.accepted() / ((System.nanoTime() - started) / 1e9);
  }

  private static double report(PrintWriter terminal, String what, double eventsPerSecond) {
    say(terminal, String.format("  %s: %,.0f events/s", what, eventsPerSecond));
    return eventsPerSecond;
  }

  private static void say(PrintWriter terminal, String line) {
    terminal.println(line);
    terminal.flush();
  }
}
