package dev.vitals.cli;

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

  @Override
  public Integer call() throws Exception {
    if (!Files.isReadable(events)) {
      throw new UserError("cannot read events file " + events, 2);
    }
    ScoringConfig config = ScoringConfigs.load(scoring);
    ReplaySummary summary = new Replay(config).run(events, out, spec.commandLine().getErr());
    spec.commandLine().getOut().printf("replayed %d lines: %d accepted, %d rejected; %d accounts, %d alert"
            + " transitions; results in %s%n", summary.lines(), summary.accepted(), summary.rejected(),
        summary.accounts(), summary.alerts(), out);
    return summary.exitCode();
  }
}
