package dev.vitals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.CliRun;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vitals calibrate} end to end, in-process: a seeded simulated history through the command line, the report's
 * structure and internal consistency (counts add up, every cancellation of the history is there, the JSON says what
 * the table says). Whether today's model meets issue 13's targets is measured, not asserted.
 */
class CalibrateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static Path events;
  static CliRun run;
  static JsonNode report;
  /** The earliest CANCELLED of each account, read from the simulator's events, not from the report. */
  static Map<String, Instant> cancellations = new TreeMap<>();


  @BeforeAll
  static void calibrateASimulatedHistory() throws IOException {
    // given 48 accounts (six churning, most of which cancel near the end) over 90 days
    HistorySimulator history = new HistorySimulator(7, 48, Instant.parse("2026-03-01T00:00:00Z"), 90);
    events = dir.resolve("history.jsonl");
    try (Writer writer = Files.newBufferedWriter(events)) {
      history.writeJsonLines(writer);
    }
    history.forEach(event -> {
      if (event instanceof BillingEvent billing && billing.getKind() == BillingEventKind.CANCELLED) {
        cancellations.merge(billing.getAccountId(), billing.getOccurredAt(), (a, b) -> a.isBefore(b) ? a : b);
      }
    });

    // when calibrated from the command line
    run = calibrate("--events", events.toString(), "--out", dir.resolve("out").toString());
    report = JSON.readTree(dir.resolve("out/calibration.json").toFile());
  }

  @Test
  void shouldAcceptTheWholeHistoryAndWriteTheReport() {
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(report.get("rejected").asInt()).isZero();
    assertThat(report.get("events").asText()).isEqualTo(events.toString());
    assertThat(report.get("modelVersion").asText()).isNotBlank();
    assertThat(run.out()).contains("report in " + dir.resolve("out/calibration.json"));
    assertThat(report.get("definitions").fieldNames()).toIterable()
        .contains("band", "cancellation", "recall", "precision", "leadTime", "falseAlarms");
  }

  @Test
  void shouldReportEveryCancellationOfTheHistoryAndSplitAccountsByOutcome() {
    JsonNode period = report.get("history");
    assertThat(cancellations).isNotEmpty();
    Map<String, Instant> reported = new TreeMap<>();
    report.get("cancellations").forEach(c -> reported.put(c.get("accountId").asText(),
        Instant.parse(c.get("cancelledAt").asText())));
    assertThat(reported).isEqualTo(cancellations);

    assertThat(period.get("accounts").asInt()).isEqualTo(48);
    assertThat(period.get("cancelled").asInt()).isEqualTo(cancellations.size());
    assertThat(period.get("cancelled").asInt() + period.get("neverCancelled").asInt()).isEqualTo(48);
    assertThat(report.get("neverCancelled").size()).isEqualTo(period.get("neverCancelled").asInt());
    assertThat(report.get("neverCancelled").findValuesAsText("accountId")).doesNotContainAnyElementsOf(
        cancellations.keySet());
    assertThat(count(report.get("neverCancelled"), a -> a.get("renewed").asBoolean()))
        .isEqualTo(period.get("renewedNeverCancelled").asInt());
  }

  @Test
  void shouldCountLeadTimesConsistentlyWithTheListOfCancellations() {
    JsonNode lead = report.get("atRiskLeadTime");
    JsonNode list = report.get("cancellations");
    long preceded = count(list, c -> !c.get("leadDays").isNull());

    assertThat(lead.get("cancellations").asInt()).isEqualTo(list.size());
    assertThat(lead.get("preceded").asLong()).isEqualTo(preceded);
    assertThat(lead.get("preceded").asInt() + lead.get("neverPreceded").size()).isEqualTo(list.size());
    assertThat(lead.get("precededWhileOpen").asLong())
        .isEqualTo(count(list, c -> c.get("atRiskOpenAtCancellation").asBoolean(false)));
    assertThat(lead.get("precededByAtLeast14Days").get("numerator").asLong())
        .isEqualTo(count(list, c -> !c.get("leadDays").isNull() && c.get("leadDays").asDouble() >= 14));
    assertThat(lead.get("precededByAtLeast14Days").get("denominator").asInt()).isEqualTo(list.size());
    list.forEach(c -> {
      if (!c.get("leadDays").isNull()) {
        Instant since = Instant.parse(c.get("atRiskSince").asText());
        assertThat(since).isBefore(Instant.parse(c.get("cancelledAt").asText()));
        assertThat(c.get("leadDays").asDouble()).isPositive();
      }
    });
    if (preceded > 0) {
      assertThat(lead.get("p10Days").asDouble()).isLessThanOrEqualTo(lead.get("medianDays").asDouble());
      assertThat(lead.get("medianDays").asDouble()).isLessThanOrEqualTo(lead.get("p90Days").asDouble());
    }
  }

  @Test
  void shouldCountMoreOfTheWorseBandsTheWiderTheBandAndStayWithinTheCancellations() {
    // Rows AT_RISK, NEUTRAL, HEALTHY each count their band and the worse ones, so counts can only grow down the table.
    JsonNode bands = report.get("bands");
    assertThat(bands.findValuesAsText("band")).containsExactly("AT_RISK", "NEUTRAL", "HEALTHY");
    for (int lead = 0; lead < 3; lead++) {
      long previousRecall = -1;
      long previousFlagged = -1;
      for (JsonNode band : bands) {
        JsonNode at = band.get("leadTimes").get(lead);
        JsonNode recall = at.get("recall");
        JsonNode precision = at.get("precision");
        assertThat(recall.get("denominator").asInt()).isLessThanOrEqualTo(cancellations.size());
        assertThat(recall.get("numerator").asLong()).isBetween(previousRecall, recall.get("denominator").asLong());
        assertThat(precision.get("denominator").asLong()).isGreaterThanOrEqualTo(previousFlagged);
        assertThat(precision.get("numerator").asLong()).isLessThanOrEqualTo(precision.get("denominator").asLong());
        previousRecall = recall.get("numerator").asLong();
        previousFlagged = precision.get("denominator").asLong();
      }
      // HEALTHY or worse is every band: every observed cancelled account is counted.
      JsonNode healthy = bands.get(2).get("leadTimes").get(lead).get("recall");
      assertThat(healthy.get("numerator")).isEqualTo(healthy.get("denominator"));
    }
  }

  @Test
  void shouldCountFalseAlarmsConsistentlyWithTheAccountsThatNeverCancelled() {
    JsonNode alarms = report.get("falseAlarms");
    JsonNode accounts = report.get("neverCancelled");

    assertThat(alarms.get("accounts").asInt()).isEqualTo(accounts.size());
    assertThat(alarms.get("anyTimeAtRisk").asLong())
        .isEqualTo(count(accounts, a -> a.get("daysAtRisk").asDouble() > 0));
    assertThat(alarms.get("moreThan7DaysAtRisk").get("numerator").asLong())
        .isEqualTo(count(accounts, a -> a.get("daysAtRisk").asDouble() > 7));
    assertThat(alarms.get("moreThan7DaysAtRisk").get("denominator").asInt()).isEqualTo(accounts.size());
    double longest = 0;
    for (JsonNode account : accounts) {
      longest = Math.max(longest, account.get("daysAtRisk").asDouble());
    }
    assertThat(alarms.get("maxDaysAtRisk").asDouble()).isEqualTo(longest);
  }

  @Test
  void shouldPrintTheSameFiguresInTheTableAsInTheJson() {
    List<String> table = run.out().lines().toList();
    for (JsonNode band : report.get("bands")) {
      for (JsonNode at : band.get("leadTimes")) {
        String row = String.format(Locale.ROOT, "%-15s %4dd  ", band.get("band").asText(), at.get("days").asInt());
        assertThat(table).as(row).anySatisfy(line -> assertThat(line).startsWith(row)
            .contains(ratio(at.get("recall"))).contains(ratio(at.get("precision"))));
      }
    }
    JsonNode lead = report.get("atRiskLeadTime");
    assertThat(table).anySatisfy(line -> assertThat(line).contains("lead time median / p10 / p90")
        .contains(days(lead.get("medianDays")) + " / " + days(lead.get("p10Days")) + " / "
            + days(lead.get("p90Days"))));
    assertThat(table).anySatisfy(line -> assertThat(line).contains("preceded by >= 14 days")
        .contains(ratio(lead.get("precededByAtLeast14Days"))));
    assertThat(table).anySatisfy(line -> assertThat(line).contains("never preceded")
        .contains(String.valueOf(lead.get("neverPreceded").size())));
    lead.get("neverPreceded").forEach(account -> assertThat(run.out()).contains(account.asText()));
    JsonNode alarms = report.get("falseAlarms");
    assertThat(table).anySatisfy(line -> assertThat(line).contains("more than 7 days AT_RISK")
        .contains(ratio(alarms.get("moreThan7DaysAtRisk"))));
    assertThat(table).anySatisfy(line -> assertThat(line).contains("days AT_RISK median / p90 / max")
        .contains(days(alarms.get("medianDaysAtRisk")) + " / " + days(alarms.get("p90DaysAtRisk")) + " / "
            + days(alarms.get("maxDaysAtRisk"))));
    assertThat(run.out()).contains(String.format(Locale.ROOT, "%d accounts, %d cancelled, %d never cancelled",
        report.get("history").get("accounts").asInt(), report.get("history").get("cancelled").asInt(),
        report.get("history").get("neverCancelled").asInt()));
  }

  @Test
  void shouldDescribeItselfInTheHelp() {
    CliRun help = calibrate("--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: vitals calibrate", "--events=FILE.jsonl", "--out=DIR",
        "--scoring=FILE.yaml", "CANCELLED", "calibration.json", "Exit status");
  }

  @Test
  void shouldRefuseAMissingFileInOneLine() {
    Path missing = dir.resolve("no-such-history.jsonl");

    CliRun refused = calibrate("--events", missing.toString(), "--out", dir.resolve("missing").toString());

    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err().lines().toList()).containsExactly("vitals calibrate: cannot read events file " + missing);
    assertThat(dir.resolve("missing/calibration.json")).doesNotExist();
  }

  @Test
  void shouldNameTheFileLineAndFieldOfAMalformedLineAndExitWithThree() throws IOException {
    // given a short history whose third line has an NPS score of 11 and whose fourth is not JSON
    Path bad = dir.resolve("bad.jsonl");
    Files.write(bad, List.of(
        "{\"type\":\"billing\",\"eventId\":\"b1\",\"accountId\":\"acme\",\"occurredAt\":\"2026-03-01T00:00:00Z\","
            + "\"kind\":\"SUBSCRIPTION_STARTED\",\"mrrCents\":50000,\"seats\":10}",
        "{\"type\":\"usage\",\"eventId\":\"u1\",\"accountId\":\"acme\",\"occurredAt\":\"2026-03-02T09:00:00Z\","
            + "\"userId\":\"ana\",\"kind\":\"LOGIN\"}",
        "{\"type\":\"survey\",\"eventId\":\"s1\",\"accountId\":\"acme\",\"occurredAt\":\"2026-03-03T09:00:00Z\","
            + "\"respondentId\":\"r1\",\"survey\":\"NPS\",\"score\":11}",
        "not an event",
        "{\"type\":\"billing\",\"eventId\":\"b2\",\"accountId\":\"acme\",\"occurredAt\":\"2026-03-20T00:00:00Z\","
            + "\"kind\":\"CANCELLED\",\"mrrCents\":0}"));

    // when calibrated
    CliRun partial = calibrate("--events", bad.toString(), "--out", dir.resolve("bad").toString());

    // then each bad line is named on its own line, the rest is measured, and the exit status says lines were refused
    assertThat(partial.exit()).isEqualTo(3);
    List<String> errors = partial.err().lines().toList();
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).isEqualTo(bad + ":3: invalid_field: field 'score': score 11 out of range 0-10 for NPS");
    assertThat(errors.get(1)).startsWith(bad + ":4: not JSON");
    JsonNode partialReport = JSON.readTree(dir.resolve("bad/calibration.json").toFile());
    assertThat(partialReport.get("lines").asInt()).isEqualTo(5);
    assertThat(partialReport.get("rejected").asInt()).isEqualTo(2);
    assertThat(partialReport.get("cancellations").findValuesAsText("accountId")).containsExactly("acme");
  }

  private static CliRun calibrate(String... args) {
    List<String> arguments = new ArrayList<>(List.of("calibrate"));
    arguments.addAll(List.of(args));
    return CliRun.of(arguments.toArray(String[]::new));
  }

  private static long count(JsonNode array, Predicate<JsonNode> test) {
    long matching = 0;
    for (JsonNode element : array) {
      if (test.test(element)) {
        matching++;
      }
    }
    return matching;
  }

  /** A ratio as the table prints it, from the JSON's counts and value. */
  private static String ratio(JsonNode ratio) {
    String share = ratio.get("value").isNull() ? "-"
        : String.format(Locale.ROOT, "%.1f %%", ratio.get("value").asDouble() * 100);
    return share + " (" + ratio.get("numerator").asLong() + "/" + ratio.get("denominator").asLong() + ")";
  }

  private static String days(JsonNode days) {
    return days.isNull() ? "-" : String.format(Locale.ROOT, "%.2f", days.asDouble());
  }
}
