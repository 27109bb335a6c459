package dev.vitals.bench;

import dev.vitals.runtime.Directories;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
        "A soak against a real broker on 127.0.0.1 (issue 15): measures the exactly-once pipeline's throughput over"
            + " a backlog, then feeds that instance live usage events at half that rate (default 10 minutes), then"
            + " 3x for a minute, and watches lag, live heap, resident memory and ERROR logs while the spike drains."
            + " Prints a line per sample and writes a table and verdicts between the soak markers of --out."})
public final class SoakCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--smoke", description = "Small numbers, two minutes or so: checks the harness, measures nothing.")
  boolean smoke;

  @Option(names = "--accounts", description = "Accounts (default: 10000; smoke 200).")
  Integer accounts;

  @Option(names = "--backlog-events", description = "Events in the backlog that sets the rate (default: 400000;"
      + " smoke 10000).")
  Long backlogEvents;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions per account topic (default: 4).")
  int partitions;

  @Option(names = "--steady", description = "How long to feed at half the throughput (default: PT10M; smoke PT40S).")
  Duration steady;

  @Option(names = "--spike", description = "How long the spike lasts (default: PT1M; smoke PT10S).")
  Duration spike;

  @Option(names = "--spike-factor", defaultValue = "3", description = "The spike's rate over the steady rate"
      + " (default: ${DEFAULT-VALUE}).")
  double spikeFactor;

  @Option(names = "--drain-timeout", description = "Longest the spike's lag may take to drain (default: PT10M;"
      + " smoke PT1M).")
  Duration drainTimeout;

  @Option(names = "--out", defaultValue = "docs/reliability.md", paramLabel = "FILE.md",
      description = "Report to write; only the part between its soak markers is replaced (default: ${DEFAULT-VALUE}).")
  Path out;

  /** The soak's parameters, defaults applied. */
  record Settings(boolean smoke, int accounts, long backlogEvents, int partitions, Duration steady, Duration spike,
      double spikeFactor, Duration drainTimeout, Duration sampleEvery, Duration timeout) {
    SoakPlan plan(double rate) {
      return new SoakPlan(rate, steady, spikeFactor, spike, drainTimeout);
    }
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = new Settings(smoke, accounts != null ? accounts : smoke ? 200 : 10_000,
        backlogEvents != null ? backlogEvents : smoke ? 10_000 : 400_000, partitions,
        steady != null ? steady : smoke ? Duration.ofSeconds(40) : Duration.ofMinutes(10),
        spike != null ? spike : smoke ? Duration.ofSeconds(10) : Duration.ofMinutes(1), spikeFactor,
        drainTimeout != null ? drainTimeout : smoke ? Duration.ofMinutes(1) : Duration.ofMinutes(10),
        Duration.ofSeconds(smoke ? 2 : 5), smoke ? Duration.ofMinutes(3) : Duration.ofHours(1));
    if (settings.accounts() < 1 || settings.backlogEvents() < settings.accounts() || partitions < 1
        || spikeFactor < 1 || !isPositive(settings.steady()) || settings.spike().isNegative()
        || !isPositive(settings.drainTimeout())) {
      throw new ParameterException(spec.commandLine(), "--accounts and --partitions must be at least 1,"
          + " --backlog-events at least --accounts, --spike-factor at least 1, --steady and --drain-timeout"
          + " positive, --spike zero or more");
    }
    PrintWriter terminal = spec.commandLine().getOut();
    Path home = Files.createTempDirectory("vitals-soak");
    try {
      SoakResults results = new SoakRun(home, settings, terminal).run();
      terminal.println();
      results.goals().forEach(goal -> terminal.printf("%-9s %s (%s)%n", goal.met() ? "met" : "NOT MET", goal.goal(),
          goal.measured()));
      SoakReport.write(out, SoakReport.section(MachineInfo.describe(), settings, results));
      terminal.println("written to " + out);
      terminal.flush();
      return 0;
    } finally {
      Directories.deleteRecursively(home);
    }
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}
