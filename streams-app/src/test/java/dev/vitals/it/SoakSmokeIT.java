package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code soak --smoke}, shortened further, end to end so the harness cannot rot between real soaks: its own broker,
 * a backlog, live traffic through the steady, spike and drain phases, and its section of the report. A smoke run's
 * lag and memory verdicts mean nothing on a shared machine; that each was measured, and that no ERROR was logged,
 * do.
 */
class SoakSmokeIT {
  private static final List<String> GOALS = List.of("lag bounded at", "live heap flat", "resident memory flat",
      "no ERROR log", "spike for PT5S absorbed");

  @TempDir
  Path work;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void smokeSoakFeedsEveryPhaseAndWritesItsSectionOfTheReport() throws Exception {
    // given: a reliability report whose hand-written parts the soak must keep
    Path report = work.resolve("reliability.md");
    Files.writeString(report, "# Reliability and security\n\n## Chaos harness\n\nkept by hand\n");

    // when
    CliRun run = CliRun.of("soak", "--smoke", "--steady", "PT20S", "--spike", "PT5S", "--drain-timeout", "PT40S",
        "--out", report.toString());

    // then: every phase was fed and sampled, every goal has a verdict, no ERROR was logged, the rest is kept
    assertThat(run.exit()).as("exit status; stderr: %s", run.err()).isZero();
    String written = Files.readString(report);
    assertThat(written).contains("## Chaos harness\n\nkept by hand", "<!-- soak:results:start -->",
        "<!-- soak:results:end -->", "| STEADY |", "| SPIKE |", "| DRAIN |");
    List<String> goalRows = written.lines().filter(line -> GOALS.stream().anyMatch(line::contains)).toList();
    assertThat(goalRows).hasSize(GOALS.size());
    assertThat(written).contains("| no ERROR log | 0 ERROR log events | met |");
    assertThat(run.out()).contains("DRAIN  fed");
  }
}
