package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --smoke} end to end, so the harness cannot rot between full runs: its own broker, every phase, the
 * table and the report. The figures of a smoke run mean nothing; that each of them was measured does.
 */
class BenchSmokeIT {
  /** Every row the report promises (issue 11, item 4). */
  private static final List<String> MEASURES = List.of(
      "pipeline, exactly-once",
      "pipeline, at-least-once (same commit interval)",
      "stateless Streams pass-through, exactly-once",
      "plain consumer",
      "pipeline / pass-through",
      "exactly-once / at-least-once",
      "freshness at half load, p50",
      "freshness at half load, p99",
      "freshness at half load, max",
      "freshness p99, until a read_committed consumer has it",
      "state per account, median",
      "state per account, p99",
      "state per account, max",
      "changelog bytes written per input byte",
      "state on local disk (RocksDB)",
      "heap after GC, pipeline running",
      "recovery, state on local disk: start to RUNNING",
      "recovery, state wiped (restore from changelogs)",
      "GET /metrics, every account owned by the instance, median",
      "GET /metrics, accounts counted in its vitals_accounts",
      "replay");

  @TempDir
  Path work;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void smokeRunMeasuresEveryRowAndWritesTheReport() throws Exception {
    // given: a report with a record of changes that the bench must keep
    Path report = work.resolve("benchmarks.md");
    Files.writeString(report, "# Benchmarks\n\n## Changes and their effect\n\n| kept by hand |\n");

    // when
    CliRun run = CliRun.of("bench", "--smoke", "--out", report.toString());

    // then: every measure has a positive figure, on the terminal and in the report, and the hand-written part stays
    assertThat(run.exit()).as("exit status; stderr: %s", run.err()).isZero();
    String written = Files.readString(report);
    assertThat(figures(run.out())).containsOnlyKeys(MEASURES).allSatisfy((measure, figure) ->
        assertThat(figure).as(measure).isPositive());
    assertThat(figures(written)).containsOnlyKeys(MEASURES).allSatisfy((measure, figure) ->
        assertThat(figure).as(measure).isPositive());
    assertThat(written).contains("## Changes and their effect", "| kept by hand |", "### Machine", "### Goals");
    // and freshness counted every event it fed: none was left without a health record reflecting it
    Matcher fed = Pattern.compile("([\\d,]+) fed, ([\\d,]+) reflected").matcher(written);
    assertThat(fed.find()).as("freshness line in the report").isTrue();
    assertThat(fed.group(2)).isEqualTo(fed.group(1));
  }

  /** The rows "| measure | 1,234 | unit |" of the results table, by measure. */
  private static Map<String, Double> figures(String text) {
    Map<String, Double> figures = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("| measure | figure | unit |")) {
        inTable = true;
      } else if (inTable && line.startsWith("|---")) {
        continue;
      } else if (inTable && line.startsWith("| ")) {
        String[] cells = line.split("\\|");
        figures.put(cells[1].trim(), Double.parseDouble(cells[2].trim().replace(",", "")));
      } else {
        inTable = false;
      }
    }
    return figures;
  }
}
