package dev.vitals.it.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts still open after a sequence of ChurnAlert transitions (as JSON trees, {@code AvroJson}'s form): per
 * account and rule, the last transition wins; RAISED means open. Keyed {@code accountId/rule}, valued with the
 * severity, so two runs compare as plain maps.
 */
public final class OpenAlerts {
  private OpenAlerts() {}

  public static Map<String, String> of(Iterable<? extends JsonNode> transitions) {
    Map<String, String> open = new TreeMap<>();
    for (JsonNode alert : transitions) {
      String key = alert.path("accountId").asText() + "/" + alert.path("rule").asText();
      if (alert.path("state").asText().equals("RAISED")) {
        open.put(key, alert.path("severity").asText());
      } else {
        open.remove(key);
      }
    }
    return open;
  }
}
