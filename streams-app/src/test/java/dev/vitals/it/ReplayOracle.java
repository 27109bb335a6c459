package dev.vitals.it;

import dev.vitals.events.JsonEventCodec;
import dev.vitals.kpi.KpiPeriod;
import dev.vitals.replay.Replay;
import dev.vitals.scoring.ScoringConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;

/** The expected outcome of a list of events: what {@code replay} (the same topology, offline) makes of them. */
public final class ReplayOracle {
  private ReplayOracle() {}

  /**
   * Replay in the background, for tests to run it while the broker-backed pipeline works.
   */
  public static CompletableFuture<Outcome> inBackground(List<SpecificRecord> events, Path workDir) {
    return inBackground(events, workDir, ScoringConfig.defaults());
  }

  /** The same, with the scoring configuration the pipeline under test runs. */
  public static CompletableFuture<Outcome> inBackground(List<SpecificRecord> events, Path workDir,
      ScoringConfig config) {
    return CompletableFuture.supplyAsync(() -> expected(events, workDir, config));
  }

  /**
   * Replay in the background over {@code partitions} partitions, as many as the topics under test have: each account
   * on the partition the producer puts it on, each partition with its own event clock, as each stream task has.
   */
  public static CompletableFuture<Outcome> inBackground(List<SpecificRecord> events, Path workDir, int partitions) {
    return CompletableFuture.supplyAsync(() -> expected(events, workDir, ScoringConfig.defaults(), partitions));
  }

  public static Outcome expected(List<SpecificRecord> events, Path workDir) {
    return expected(events, workDir, ScoringConfig.defaults());
  }

  public static Outcome expected(List<SpecificRecord> events, Path workDir, ScoringConfig config) {
    return expected(events, workDir, config, 1);
  }

  public static Outcome expected(List<SpecificRecord> events, Path workDir, ScoringConfig config, int partitions) {
    try {
      Files.createDirectories(workDir);
      Path file = workDir.resolve("events.jsonl");
      JsonEventCodec codec = new JsonEventCodec();
      Files.write(file, events.stream().map(codec::format).toList());
      Path out = workDir.resolve("replay");
      StringWriter diagnostics = new StringWriter();
      new Replay(config, KpiPeriod.MONTH, partitions).run(file, out, new PrintWriter(diagnostics, true));
      return Outcome.ofJsonLines(Files.readAllLines(out.resolve("health.jsonl")),
          Files.readAllLines(out.resolve("alerts.jsonl")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
