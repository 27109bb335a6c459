package dev.vitals.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.json.AvroJson;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.ChurnAlert;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run of the pipeline leaves behind, in the terms two runs can be compared in whatever their batching: the
 * last health record of each account (all fields, as the JSON replay writes) and the alerts open at the end (each
 * (account, rule) whose last transition is RAISED), written {@code accountId/RULE}.
 */
public record Outcome(Map<String, JsonNode> finalHealth, Set<String> openAlerts) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** From records in the order they were written (per account, which is per partition). */
  public static Outcome of(List<AccountHealth> health, List<ChurnAlert> alerts) {
    Map<String, JsonNode> finalHealth = new TreeMap<>();
    health.forEach(record -> finalHealth.put(record.getAccountId(), parse(AvroJson.line(record))));
    return new Outcome(finalHealth, openAlerts(alerts.stream().map(a -> parse(AvroJson.line(a))).toList()));
  }

  /** From replay's JSON lines: health.jsonl (final health per account) and alerts.jsonl (every transition). */
  public static Outcome ofJsonLines(List<String> healthLines, List<String> alertLines) {
    Map<String, JsonNode> finalHealth = new TreeMap<>();
    healthLines.stream().map(Outcome::parse).forEach(h -> finalHealth.put(h.path("accountId").asText(), h));
    return new Outcome(finalHealth, openAlerts(alertLines.stream().map(Outcome::parse).toList()));
  }

  /** One field of every account's final health, by account: for focused comparisons (usage counts, say). */
  public Map<String, JsonNode> field(String path) {
    Map<String, JsonNode> values = new TreeMap<>();
    finalHealth.forEach((account, health) -> values.put(account, health.at(path)));
    return values;
  }

  private static Set<String> openAlerts(List<JsonNode> transitions) {
    Map<String, String> lastState = new TreeMap<>();
    transitions.forEach(alert -> lastState.put(
        alert.path("accountId").asText() + "/" + alert.path("rule").asText(), alert.path("state").asText()));
    Set<String> open = new TreeSet<>();
    lastState.forEach((key, state) -> {
      if (state.equals(AlertState.RAISED.name())) {
        open.add(key);
      }
    });
    return open;
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + line, e);
    }
  }
}
