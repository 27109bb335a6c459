package dev.vitals.bench;

import dev.vitals.runtime.Directories;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "The benchmark of SPEC §5 in one run, against a real broker on 127.0.0.1 started as in the demo, with an"
            + " in-process schema registry: the pipeline, a stateless Streams pass-through and a plain consumer over"
            + " one pre-loaded backlog, exactly-once against at-least-once, freshness at half load, state per"
            + " account, recovery and replay. Prints a table and writes it, with the machine, to --out."})
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--smoke", description = "Small numbers, a minute or so: checks the harness, measures nothing.")
  boolean smoke;

  @Option(names = "--accounts", description = "Accounts in the backlog (default: 10000; smoke 200).")
  Integer accounts;

  @Option(names = "--events", description = "Events in the backlog (default: 2000000; smoke 20000).")
  Long events;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions per account topic (default: 4).")
  int partitions;

  @Option(names = "--threads", defaultValue = "1",
      description = "Stream threads of the pipeline and of the pass-through alike (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--freshness", description = "How long to feed events at half load (default: PT60S; smoke PT5S).")
  Duration freshness;

  @Option(names = "--run-timeout", description = "Longest any one run may take (default: PT1H; smoke PT3M).")
  Duration runTimeout;

  @Option(names = "--out", defaultValue = "docs/benchmarks.md", paramLabel = "FILE.md",
      description = "Report to write; only the part between its bench markers is replaced (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    int accountCount = accounts != null ? accounts : smoke ? 200 : 10_000;
    long eventCount = events != null ? events : smoke ? 20_000 : 2_000_000;
    Duration feedFor = freshness != null ? freshness : Duration.ofSeconds(smoke ? 5 : 60);
    Duration timeout = runTimeout != null ? runTimeout : smoke ? Duration.ofMinutes(3) : Duration.ofHours(1);
    if (accountCount < 1 || eventCount < accountCount || partitions < 1 || threads < 1 || feedFor.isNegative()
        || feedFor.isZero()) {
      throw new ParameterException(spec.commandLine(),
          "--accounts, --partitions and --threads must be at least 1, --events at least --accounts, --freshness positive");
    }
    PrintWriter terminal = spec.commandLine().getOut();
    Path home = Files.createTempDirectory("vitals-bench");
    try {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("mode", smoke ? "smoke" : "full");
      BenchResults results =
          new BenchRun(home, accountCount, eventCount, partitions, threads, feedFor, timeout, terminal).run(parameters);
      terminal.println();
      terminal.print(BenchReport.table(results));
      results.goals().forEach(goal -> terminal.printf("%-9s %s (%s)%n", goal.met() ? "met" : "NOT MET", goal.goal(),
          goal.measured()));
      BenchReport.write(out, BenchReport.section(MachineInfo.describe(), parameters, results, smoke));
      terminal.println("written to " + out);
      terminal.flush();
      return 0;
    } finally {
      Directories.deleteRecursively(home);
    }
  }
}
