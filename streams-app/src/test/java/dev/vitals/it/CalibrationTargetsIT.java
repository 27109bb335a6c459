package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.calibrate.Calibrate;
import dev.vitals.calibrate.CalibrationReport;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.simulate.HistorySimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled model against outcomes (issue 13), as {@code simulate --accounts 500 --days 180} then
 * {@code calibrate} compute it: AT_RISK precedes at least 80 % of cancellations by 14 days or more, and fewer than
 * 10 % of the accounts that never cancel spend more than 7 days AT_RISK. A model change that loses either fails
 * here. An integration test for its size (a million events through the whole domain code), not for a broker.
 */
class CalibrationTargetsIT {
  @TempDir
  Path dir;

  @Test
  void shouldWarnOfFourInFiveCancellationsTwoWeeksAheadWithFewFalseAlarms() throws IOException {
    // given: the history of the command, with a fixed end so the test does not depend on today
    HistorySimulator history = new HistorySimulator(42, 500, Instant.parse("2026-06-03T00:00:00Z"), 180);
    Path events = dir.resolve("history.jsonl");
    try (Writer out = Files.newBufferedWriter(events)) {
      history.writeJsonLines(out);
    }

    // when
    CalibrationReport report = new Calibrate(ScoringConfig.defaults())
        .run(events, dir.resolve("out"), new PrintWriter(new StringWriter())).report();

    // then
    assertThat(report.history().cancelled()).as("cancellations to measure").isGreaterThan(30);
    assertThat(report.atRiskLeadTime().precededByAtLeast14Days().value()).as("AT_RISK >= 14 days ahead")
        .isGreaterThanOrEqualTo(0.80);
    assertThat(report.falseAlarms().moreThan7DaysAtRisk().value()).as("never cancelled, > 7 days AT_RISK")
        .isLessThan(0.10);
  }
}
