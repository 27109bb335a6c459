package dev.vitals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.simulate.Archetype;
import dev.vitals.simulate.HistorySimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled model on a realistic portfolio: 50 simulated accounts over 90 days, replayed. The bands must tell
 * the archetypes' stories: churning accounts at risk with alerts, healthy ones healthy without churn-risk alerts.
 */
class SampleHistoryReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static HistorySimulator history;
  static ReplaySummary summary;
  static Map<String, JsonNode> health = new HashMap<>();

  @BeforeAll
  static void replayFiftyAccountsOverNinetyDays() throws IOException {
    history = new HistorySimulator(42, 50, Instant.parse("2026-06-01T00:00:00Z"), 90);
    Path events = dir.resolve("history.jsonl");
    try (Writer writer = Files.newBufferedWriter(events)) {
      history.writeJsonLines(writer);
    }
    summary = new Replay(ScoringConfig.defaults()).run(events, dir.resolve("out"),
        new PrintWriter(new StringWriter()));
    for (String line : Files.readAllLines(dir.resolve("out/health.jsonl"))) {
      JsonNode record = JSON.readTree(line);
      health.put(record.get("accountId").asText(), record);
    }
  }

  @Test
  void shouldAcceptTheWholeHistoryAndScoreEveryAccount() {
    assertThat(summary.rejected()).isZero();
    assertThat(summary.lines()).isGreaterThan(20_000);
    assertThat(health).hasSize(50);
  }

  @Test
  void shouldPutEveryChurningAccountAtRiskWithAlerts() {
    accountsOf(Archetype.CHURNING).forEach(account -> {
      JsonNode record = health.get(account);
      assertThat(record.get("band").asText()).as(account).isEqualTo("AT_RISK");
      // a cancellation early in the last third has its payment failures aged out of their 30 days by the end
      assertThat(openAlerts(record)).as(account).contains("AT_RISK")
          .containsAnyOf("PAYMENT_FAILURES", "CANCELLATION");
    });
  }

  @Test
  void shouldKeepEveryHealthyAccountHealthyWithoutChurnRiskAlerts() {
    accountsOf(Archetype.HEALTHY).forEach(account -> {
      JsonNode record = health.get(account);
      assertThat(record.get("band").asText()).as(account).isEqualTo("HEALTHY");
      // A single unhappy respondent can happen to a healthy customer; nothing else may be open.
      assertThat(openAlerts(record)).as(account).isSubsetOf("DETRACTOR");
    });
  }

  @Test
  void shouldFlagEveryDormantAccount() {
    accountsOf(Archetype.DORMANT).forEach(account ->
        assertThat(openAlerts(health.get(account))).as(account).contains("DORMANT"));
  }

  @Test
  void shouldShowAccountsInEveryBand() {
    assertThat(health.values()).extracting(record -> record.get("band").asText())
        .contains("HEALTHY", "NEUTRAL", "AT_RISK");
  }

  private static List<String> accountsOf(Archetype archetype) {
    List<String> accounts = history.archetypes().entrySet().stream()
        .filter(entry -> entry.getValue() == archetype)
        .map(Map.Entry::getKey)
        .toList();
    assertThat(accounts).as("simulated " + archetype + " accounts").isNotEmpty();
    return accounts;
  }

  private static List<String> openAlerts(JsonNode record) {
    return JSON.convertValue(record.get("openAlerts"), JSON.getTypeFactory()
        .constructCollectionType(List.class, String.class));
  }
}
