package dev.vitals.cli;

import dev.vitals.calibrate.Calibrate;
import dev.vitals.scoring.ScoringConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
        "Measures how well the health bands predicted the cancellations of a JSON-lines history, replayed as replay"
            + " does.",
        "The outcome is each account's first CANCELLED billing event. Reports the recall and precision of each band"
            + " (or worse) 7, 30 and 60 days before, the lead time of AT_RISK before each cancellation, and the days"
            + " AT_RISK of the accounts that never cancelled; prints a table with the definitions and writes"
            + " calibration.json to the output folder (see docs/scoring.md).",
        "Exit status: 0 when every line was accepted, 3 when some were rejected (each named on stderr as"
            + " FILE:LINE: reason; the report covers the accepted events), 2 for a missing file or bad option."})
final class CalibrateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--events", required = true, paramLabel = "FILE.jsonl",
      description = "The history to measure against, e.g. as written by simulate.")
  Path events;

  @Option(names = "--out", defaultValue = ".", paramLabel = "DIR",
      description = "Where to write calibration.json (default: the current folder).")
  Path out;

  @Option(names = "--scoring", paramLabel = "FILE.yaml",
      description = "Scoring model to measure (default: the bundled model).")
  Path scoring;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(events) || !Files.isReadable(events)) {
      throw new UserError("cannot read events file " + events, 2);
    }
    ScoringConfig config = ScoringConfigs.load(scoring);
    Calibrate.Result result = new Calibrate(config).run(events, out, spec.commandLine().getErr());
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(result.table(config.modelVersion()));
    stdout.printf("%nread %d lines: %d accepted, %d rejected; report in %s%n", result.replay().lines(),
        result.replay().accepted(), result.replay().rejected(), result.json());
    stdout.flush();
    return result.replay().exitCode();
  }
}
