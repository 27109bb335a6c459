package dev.vitals.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The bench's output: the results table for the terminal, and {@code docs/benchmarks.md}. The bench owns only the
 * part of that file between its two markers; everything else, the record of changes and their effect above all,
 * is written by people and kept as it is.
 */
final class BenchReport {
  static final String START = "<!-- bench:results:start -->";
  static final String END = "<!-- bench:results:end -->";

  private static final String NEW_FILE_HEAD = """
      # Benchmarks

      `java -jar streams-app/target/vitals.jar bench` measures, in one run against a real broker started as in the
      demo, the benchmark of SPEC §5 and issue 11: the pipeline against a stateless Kafka Streams pass-through and a
      plain consumer over the same pre-loaded backlog, exactly-once against at-least-once, freshness at half load,
      state per account, recovery and `replay`. `bench --smoke` is the same harness on small numbers (it runs in
      the test suite); its figures say that the harness works, not how fast Vitals is.

      The section between the markers below is rewritten by each run; the rest of this file is kept.

      """;

  private static final String NEW_FILE_TAIL = """

      ## Changes and their effect

      Each change to the hot path, with this harness's figures before and after it (same machine, same
      parameters). The bench never rewrites this section: add a row by hand.

      | date | change | before | after |
      |---|---|---|---|
      | 2026-11-30 | baseline, measured by hand before the bench existed (issue 11): whole account state as JSON \
      read and rewritten per event | - | pipeline about 860 events/s (0.7 % of a pass-through); 6.2 KB per \
      account-state changelog record, 39x the input bytes; replay about 750 events/s |
      """;

  private BenchReport() {}

  /** The results as a Markdown table, for the terminal and the file alike. */
  static String table(BenchResults results) {
    StringBuilder text = new StringBuilder("| measure | figure | unit |\n|---|---:|---|\n");
    for (BenchResults.Row row : results.rows()) {
      text.append("| ").append(row.measure()).append(" | ").append(row.formatted()).append(" | ")
          .append(row.unit()).append(" |\n");
    }
    return text.toString();
  }

  /** The generated part of the file, markers included. */
  static String section(MachineInfo machine, Map<String, String> parameters, BenchResults results, boolean smoke) {
    StringBuilder text = new StringBuilder(START).append('\n');
    text.append("## Latest run: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(smoke ? " (smoke: small numbers, not a measurement of Vitals)" : "").append("\n\n");
    text.append("### Machine\n\n");
    machine.lines().forEach(line -> text.append("- ").append(line).append('\n'));
    text.append("\n### Parameters\n\n");
    parameters.forEach((name, value) -> text.append("- ").append(name).append(": ").append(value).append('\n'));
    text.append("\n### Results\n\n").append(table(results));
    text.append("\nState per account by store, median bytes: ").append(byStore(results.state())).append(".\n");
    text.append("\n### Goals (issue 11)\n\n");
    if (smoke) {
      text.append("A smoke run is too small for these verdicts to mean anything; they are shown so the harness is "
          + "exercised end to end.\n\n");
    }
    text.append("| goal | measured | met |\n|---|---|---|\n");
    for (BenchResults.Goal goal : results.goals()) {
      text.append("| ").append(goal.goal()).append(" | ").append(goal.measured()).append(" | ")
          .append(goal.met() ? "met" : "**not met**").append(" |\n");
    }
    return text.append(END).append('\n').toString();
  }

  /** "store 123, other 45": where an account's bytes are, for whoever shrinks them next. */
  static String byStore(StateFootprint state) {
    StringBuilder text = new StringBuilder();
    state.medianByStore().forEach((store, bytes) ->
        text.append(text.length() == 0 ? "" : ", ").append(store).append(' ').append(bytes));
    return text.toString();
  }

  /**
   * Writes {@code section} into {@code file}: between the markers when the file has them, appended when it has
   * not, or as a new file with an introduction and an empty record of changes.
   */
  static void write(Path file, String section) throws IOException {
    MarkedSection.write(file, START, END, section, NEW_FILE_HEAD + section + NEW_FILE_TAIL);
  }
}
