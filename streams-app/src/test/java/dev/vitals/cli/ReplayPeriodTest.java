package dev.vitals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --period}: the trailing period of kpis.json, refused with the allowed ones when unknown; and {@code
 * --partitions}, the input topics' partition count, at least one.
 */
class ReplayPeriodTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void kpisJsonCoversThePeriodAsked() throws IOException {
    Path events = history();

    int exitCode = replay("--events", events.toString(), "--out", dir.resolve("out").toString(), "--period", "365")
        .exit();

    assertThat(exitCode).isZero();
    assertThat(JSON.readTree(dir.resolve("out/kpis.json").toFile()).get("periodDays").asInt()).isEqualTo(365);
  }

  @Test
  void anUnknownPeriodIsRefusedWithTheAllowedOnes() throws IOException {
    Path events = history();

    CliRun run = replay("--events", events.toString(), "--out", dir.resolve("out").toString(), "--period", "60");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--period: period must be one of [30, 90, 365] (days), not '60'");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void replayOnSeveralPartitionsWritesTheSameFilesAndRefusesNone() throws IOException {
    Path events = history();

    CliRun onFour = replay("--events", events.toString(), "--out", dir.resolve("four").toString(), "--partitions", "4");
    CliRun onNone = replay("--events", events.toString(), "--out", dir.resolve("none").toString(), "--partitions", "0");

    assertThat(onFour.exit()).isZero();
    assertThat(Files.readAllLines(dir.resolve("four/health.jsonl"))).hasSize(1);
    assertThat(onNone.exit()).isEqualTo(2);
    assertThat(onNone.err()).contains("--partitions: must be at least 1, not 0");
  }

  private Path history() throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, String.join("\n", List.of(
        "{\"type\": \"billing\", \"eventId\": \"b1\", \"accountId\": \"acme\", \"occurredAt\": \"2026-03-01T00:00:00Z\","
            + " \"kind\": \"SUBSCRIPTION_STARTED\", \"mrrCents\": 50000, \"seats\": 10}",
        "{\"type\": \"usage\", \"eventId\": \"u1\", \"accountId\": \"acme\", \"occurredAt\": \"2026-03-02T09:00:00Z\","
            + " \"userId\": \"ana\", \"kind\": \"LOGIN\"}")) + "\n");
    return events;
  }

  private static CliRun replay(String... args) {
    String[] arguments = new String[args.length + 1];
    arguments[0] = "replay";
    System.arraycopy(args, 0, arguments, 1, args.length);
    return CliRun.of(arguments);
  }
}
