package dev.vitals.cli;

import dev.vitals.kpi.KpiPeriod;
import dev.vitals.replay.Replay;
import dev.vitals.replay.ReplaySummary;
import dev.vitals.scoring.ScoringConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the pipeline offline over a JSON-lines history and writes health.jsonl, alerts.jsonl, kpis.json and"
            + " rejected.jsonl to the output folder.",
        "A line {\"type\": \"erasure\", \"accountId\": ..., \"erasedAt\": ...} erases the account as a tombstone"
            + " on the accounts topic does live: it leaves health.jsonl and its open alerts are resolved.",
        "Exit status: 0 when every line was accepted, 3 when some were rejected (each named on stderr as"
            + " FILE:LINE: reason)."})
final class ReplayCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--events", required = true, paramLabel = "FILE.jsonl", description = "The events to replay.")
  Path events;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the results.")
  Path out;

  @Option(names = "--scoring", paramLabel = "FILE.yaml",
      description = "Scoring model to try (default: the bundled model).")
  Path scoring;

  @Option(names = "--period", paramLabel = "DAYS", defaultValue = "30",
      description = "The trailing period of kpis.json's retention and revenue KPIs: 30, 90 or 365 days"
          + " (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
      description = "The partition count of the input topics the results should match: each account is replayed on"
          + " the partition the producer would put it on, each partition with its own event clock as each live"
          + " stream task has (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() throws Exception {
    if (!Files.isReadable(events)) {
      throw new UserError("cannot read events file " + events, 2);
    }
    KpiPeriod kpiPeriod;
    try {
      kpiPeriod = KpiPeriod.parse(period);
    } catch (IllegalArgumentException e) {
      throw new UserError("--period: " + e.getMessage(), 2);
    }
    if (partitions < 1) {
      throw new UserError("--partitions: must be at least 1, not " + partitions, 2);
    }
    ScoringConfig config = ScoringConfigs.load(scoring);
    ReplaySummary summary = new Replay(config, kpiPeriod, partitions).run(events, out, spec.commandLine().getErr());
    spec.commandLine().getOut().printf("replayed %d lines: %d accepted, %d rejected; %d accounts, %d alert"
            + " transitions; results in %s%n", summary.lines(), summary.accepted(), summary.rejected(),
        summary.accounts(), summary.alerts(), out);
    return summary.exitCode();
  }
}
