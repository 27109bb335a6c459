package dev.vitals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.scoring.ScoringConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay of a small, hand-made history of two accounts (replay/two-accounts.jsonl). Every expected figure is
 * worked out in the comments from the fixture's lines, not read back from the code.
 */
class ReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path out;
  static Path events;
  static ReplaySummary summary;
  static String diagnostics;

  @BeforeAll
  static void replayTheFixture() throws IOException, URISyntaxException {
    events = Path.of(ReplayTest.class.getResource("/replay/two-accounts.jsonl").toURI());
    StringWriter err = new StringWriter();
    summary = new Replay(ScoringConfig.defaults()).run(events, out, new PrintWriter(err, true));
    diagnostics = err.toString();
  }

  @Test
  void shouldNameEachRejectedLineAndExitWithThree() {
    // Line 14: an NPS score of 11; line 30: not JSON; line 31: an event 19 days older than acme's latest (grace 7).
    // Line 25 re-delivers t10: a duplicate, dropped without being a rejection.
    assertThat(summary.lines()).isEqualTo(31);
    assertThat(summary.rejected()).isEqualTo(3);
    assertThat(summary.exitCode()).isEqualTo(3);
    List<String> lines = diagnostics.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(events + ":14: invalid_field: field 'score': score 11 out of range 0-10 for NPS");
    assertThat(lines.get(1)).startsWith(events + ":30: not JSON");
    assertThat(lines.get(2)).isEqualTo(events + ":31: too_late: occurredAt 2026-03-01T10:00:00Z is more than the"
        + " grace period of 7 days before the account's latest event time 2026-03-20T00:00:00Z");
  }

  @Test
  void shouldWriteEveryRejectedLineWithItsReason() throws IOException {
    List<JsonNode> rejected = jsonLines(out.resolve("rejected.jsonl"));

    assertThat(rejected).extracting(line -> line.get("line").asInt()).containsExactly(14, 30, 31);
    assertThat(rejected.get(1).get("input").asText()).isEqualTo("this is not an event");
    assertThat(rejected.get(2).get("reason").asText()).startsWith("too_late");
  }

  @Test
  void shouldComputePortfolioKpisByHand() throws IOException {
    JsonNode overall = JSON.readTree(out.resolve("kpis.json").toFile()).get("overall");

    assertThat(overall.get("accounts").asInt()).isEqualTo(2);
    // Latest NPS per respondent: r1 10 (promoter), r2 6 (detractor), r3 9 then 3 (detractor): 100 × (1 − 2) / 3.
    assertThat(overall.get("nps").asDouble()).isCloseTo(-100.0 / 3, within(1e-9));
    assertThat(overall.get("npsRespondents").asInt()).isEqualTo(3);
    // CSAT answers 5, 2, 4: two of three are 4 or 5.
    assertThat(overall.get("csat").asDouble()).isCloseTo(200.0 / 3, within(1e-9));
    // CES answers 6 and 3.
    assertThat(overall.get("ces").asDouble()).isEqualTo(4.5);
    // Resolved: T1 with one agent reply (first contact), T2 with two (second contact).
    assertThat(overall.get("fcr").asDouble()).isEqualTo(0.5);
    assertThat(overall.get("resolvedByContact").toString()).isEqualTo("{\"first\":1,\"second\":1,\"thirdPlus\":0}");
    // First responses: T1 1 h, T2 4 h, T3 2 h (its re-delivered reply counts once): median 2 h.
    assertThat(overall.get("firstResponseMedianSeconds").asLong()).isEqualTo(7_200);
    // Resolutions: T1 3 h, T2 36 h: the mean of the two middle values, 19.5 h.
    assertThat(overall.get("resolutionMedianSeconds").asLong()).isEqualTo(70_200);
    assertThat(overall.get("openTickets").asInt()).isEqualTo(1);
    // MRR: acme 500.00 + globex 1,500.00 after its plan change; ARPU over two paying accounts.
    assertThat(overall.get("mrrCents").asLong()).isEqualTo(200_000);
    assertThat(overall.get("arrCents").asLong()).isEqualTo(2_400_000);
    assertThat(overall.get("arpuCents").asLong()).isEqualTo(100_000);
    // Movements in the 30 days to 03-20: two new subscriptions (500 + 2,000) and globex's contraction (500).
    assertThat(overall.get("mrrMovementsCents").toString())
        .isEqualTo("{\"new\":250000,\"expansion\":0,\"contraction\":50000,\"churn\":0,\"reactivation\":0}");
    // Nobody was paying when the period started (02-18), so retention is undefined.
    assertThat(overall.get("grr").isNull()).isTrue();
    assertThat(overall.get("accountsByBand").get("HEALTHY").asInt()
        + overall.get("accountsByBand").get("NEUTRAL").asInt()
        + overall.get("accountsByBand").get("AT_RISK").asInt()).isEqualTo(2);
  }

  @Test
  void shouldSplitPortfolioKpisBySegment() throws IOException {
    JsonNode segments = JSON.readTree(out.resolve("kpis.json").toFile()).get("segments");
    JsonNode smb = segments.get("SMB");
    JsonNode enterprise = segments.get("ENTERPRISE");

    // SMB is acme: r1 promoter and r2 detractor cancel out; one CSAT of 5; T1 only.
    assertThat(smb.get("nps").asDouble()).isEqualTo(0.0);
    assertThat(smb.get("csat").asDouble()).isEqualTo(100.0);
    assertThat(smb.get("firstResponseMedianSeconds").asLong()).isEqualTo(3_600);
    assertThat(smb.get("mrrCents").asLong()).isEqualTo(50_000);
    // ENTERPRISE is globex: r3 detractor; CSAT 2 and 4; first responses 4 h and 2 h.
    assertThat(enterprise.get("nps").asDouble()).isEqualTo(-100.0);
    assertThat(enterprise.get("csat").asDouble()).isEqualTo(50.0);
    assertThat(enterprise.get("fcr").asDouble()).isEqualTo(0.0);
    assertThat(enterprise.get("firstResponseMedianSeconds").asLong()).isEqualTo(10_800);
    assertThat(enterprise.get("mrrMovementsCents").get("contraction").asLong()).isEqualTo(50_000);
    assertThat(segments.get("MID_MARKET").get("accounts").asInt()).isZero();
  }

  @Test
  void shouldWriteTheFinalHealthOfEachAccount() throws IOException {
    Map<String, JsonNode> health = byAccount(jsonLines(out.resolve("health.jsonl")));

    assertThat(health).containsOnlyKeys("acme", "globex");
    JsonNode acme = health.get("acme").get("kpis");
    // Two distinct users (ana, bo) in 30 days on 10 seats; the one key feature (reports) used.
    assertThat(acme.get("activeUsers30d").asInt()).isEqualTo(2);
    assertThat(acme.get("licenseUtilization").asDouble()).isEqualTo(0.2);
    assertThat(acme.get("keyFeatureAdoption").asDouble()).isEqualTo(1.0);
    JsonNode globex = health.get("globex").get("kpis");
    assertThat(globex.get("mrrCents").asLong()).isEqualTo(150_000);
    assertThat(globex.get("seats").asInt()).isEqualTo(80);
    assertThat(globex.get("openTickets").asInt()).isEqualTo(1);
    assertThat(health.get("globex").get("segment").asText()).isEqualTo("ENTERPRISE");
    assertThat(health.get("globex").get("modelVersion").asText()).isEqualTo(ScoringConfig.defaults().modelVersion());
  }

  @Test
  void shouldRaiseDetractorAlertsOncePerAccount() throws IOException {
    List<JsonNode> alerts = jsonLines(out.resolve("alerts.jsonl"));

    assertThat(alerts)
        .filteredOn(alert -> alert.get("rule").asText().equals("DETRACTOR"))
        .extracting(alert -> alert.get("accountId").asText() + " " + alert.get("state").asText())
        .containsExactlyInAnyOrder("acme RAISED", "globex RAISED");
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  private static Map<String, JsonNode> byAccount(List<JsonNode> records) {
    Map<String, JsonNode> byAccount = new HashMap<>();
    records.forEach(record -> byAccount.put(record.get("accountId").asText(), record));
    return byAccount;
  }
}
