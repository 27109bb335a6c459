package dev.vitals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.runtime.LoopbackPorts;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.Severity;
import dev.vitals.testing.ToolProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/alertmanager: the configuration passes amtool, every case of tests/routes.txt reaches the receiver it
 * names, and the inhibitions hold on a real Alertmanager (started on loopback, fed alerts through its API).
 */
class AlertmanagerConfigTest {
  private static final String CONFIG = "deploy/alertmanager/alertmanager.yml";
  private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(1);

  @Test
  void configPassesAmtool() {
    DeployFiles.run(TOOL_TIMEOUT, DeployFiles.tool("amtool"), "check-config", CONFIG).assertSucceeded();
  }

  @TestFactory
  Stream<DynamicTest> everyRoutingCaseReachesItsReceiver() {
    List<RoutingCase> cases = RoutingCase.load(DeployFiles.path("deploy/alertmanager/tests/routes.txt"));
    assertThat(cases).as("routing cases in deploy/alertmanager/tests/routes.txt").isNotEmpty();
    return cases.stream().map(routingCase -> DynamicTest.dynamicTest(routingCase.toString(), () -> {
      List<String> command = new ArrayList<>(List.of(DeployFiles.tool("amtool"), "config", "routes", "test",
          "--config.file=" + CONFIG, "--verify.receivers=" + routingCase.receivers()));
      command.addAll(routingCase.labels());
      DeployFiles.run(TOOL_TIMEOUT, command).assertSucceeded();
    }));
  }

  @Test
  void routesAndInhibitionsUseVitalsVocabulary() {
    // A matcher on a rule or severity Vitals never sends would silently never match.
    String config = DeployFiles.read(DeployFiles.path(CONFIG));
    List<String> rules = Arrays.stream(AlertRule.values()).map(Enum::name).toList();
    List<String> severities = Arrays.stream(Severity.values()).map(Enum::name).toList();
    Matcher rule = Pattern.compile("rule(?:=|!=|=~|!~)\"([^\"]+)\"").matcher(config);
    while (rule.find()) {
      assertThat(rule.group(1).split("\\|")).as("rules in %s", rule.group()).isSubsetOf(rules);
    }
    Matcher severity = Pattern.compile("severity(?:=|!=)\"([^\"]+)\"").matcher(config);
    while (severity.find()) {
      assertThat(severity.group(1)).as(severity.group()).isIn(severities);
    }
  }

  /** One alert per (account, rule), or per (alertname, instance) for the pipeline, and its state. */
  @Test
  void inhibitionsLeaveOneAlertPerFailingAccountAndInstance(@TempDir Path storage) throws Exception {
    String binary = DeployFiles.tool("prometheus-alertmanager", "alertmanager");
    int port = LoopbackPorts.free();
    String base = "http://127.0.0.1:" + port;
    // Clustering off (empty listen address): a lone test instance must not look for peers.
    try (ToolProcess alertmanager = ToolProcess.start(List.of(binary,
            "--config.file=" + DeployFiles.path(CONFIG),
            "--storage.path=" + storage,
            "--web.listen-address=127.0.0.1:" + port,
            "--cluster.listen-address="), "prometheus-alertmanager", storage.resolve("alertmanager.log"))
        .awaitReady(base + "/-/ready", Duration.ofSeconds(30))) {
      ArrayNode alerts = MAPPER.createArrayNode();
      // acc-1: at risk, with a score drop and a renewal at risk (inhibited) and dormant (not inhibited).
      alerts.add(churn("acc-1", "AT_RISK", "WARNING"));
      alerts.add(churn("acc-1", "SCORE_DROP", "WARNING"));
      alerts.add(churn("acc-1", "RENEWAL_AT_RISK", "CRITICAL"));
      alerts.add(churn("acc-1", "DORMANT", "WARNING"));
      // acc-2: cancelled; its other churn signals are inhibited.
      alerts.add(churn("acc-2", "CANCELLATION", "CRITICAL"));
      alerts.add(churn("acc-2", "AT_RISK", "WARNING"));
      alerts.add(churn("acc-2", "PAYMENT_FAILURES", "WARNING"));
      // acc-3: a score drop alone; another account's AT_RISK does not silence it.
      alerts.add(churn("acc-3", "SCORE_DROP", "WARNING"));
      // Pipeline: vitals-0 down silences its own lag alert, not vitals-1's, nor churn risk.
      alerts.add(pipeline("VitalsInstanceDown", "vitals-0:8080", "CRITICAL"));
      alerts.add(pipeline("VitalsConsumerLagGrowing", "vitals-0:8080", "WARNING"));
      alerts.add(pipeline("VitalsConsumerLagGrowing", "vitals-1:8080", "WARNING"));

      HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(alerts)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as("POST /api/v2/alerts: %s", posted.body()).isEqualTo(200);

      Map<String, String> states = states(base);
      assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
          Map.entry("VitalsChurnRisk acc-1 AT_RISK", "active"),
          Map.entry("VitalsChurnRisk acc-1 SCORE_DROP", "suppressed"),
          Map.entry("VitalsChurnRisk acc-1 RENEWAL_AT_RISK", "suppressed"),
          Map.entry("VitalsChurnRisk acc-1 DORMANT", "active"),
          Map.entry("VitalsChurnRisk acc-2 CANCELLATION", "active"),
          Map.entry("VitalsChurnRisk acc-2 AT_RISK", "suppressed"),
          Map.entry("VitalsChurnRisk acc-2 PAYMENT_FAILURES", "suppressed"),
          Map.entry("VitalsChurnRisk acc-3 SCORE_DROP", "active"),
          Map.entry("VitalsInstanceDown vitals-0:8080", "active"),
          Map.entry("VitalsConsumerLagGrowing vitals-0:8080", "suppressed"),
          Map.entry("VitalsConsumerLagGrowing vitals-1:8080", "active")));
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static ObjectNode churn(String account, String rule, String severity) {
    ObjectNode alert = MAPPER.createObjectNode();
    alert.putObject("labels")
        .put("alertname", "VitalsChurnRisk").put("team", "cs").put("account", account).put("segment", "ENTERPRISE")
        .put("csm", "csm-1").put("rule", rule).put("severity", severity);
    return alert;
  }

  private static ObjectNode pipeline(String alertname, String instance, String severity) {
    ObjectNode alert = MAPPER.createObjectNode();
    alert.putObject("labels")
        .put("alertname", alertname).put("team", "platform").put("job", "vitals").put("instance", instance)
        .put("severity", severity);
    return alert;
  }

  /** Alert key (alertname, then account and rule, or instance) to its state: active or suppressed. */
  private static Map<String, String> states(String base) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET /api/v2/alerts: %s", response.body()).isEqualTo(200);
    Map<String, String> states = new HashMap<>();
    for (JsonNode alert : MAPPER.readTree(response.body())) {
      JsonNode labels = alert.path("labels");
      String key = labels.path("alertname").asText() + " "
          + (labels.has("account") ? labels.path("account").asText() + " " + labels.path("rule").asText()
              : labels.path("instance").asText());
      states.put(key, alert.path("status").path("state").asText());
    }
    return states;
  }

  /** A line of tests/routes.txt: the receivers expected, then the alert's labels. */
  record RoutingCase(String receivers, List<String> labels) {
    static List<RoutingCase> load(Path file) {
      List<RoutingCase> cases = new ArrayList<>();
      for (String line : DeployFiles.read(file).split("\n")) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        int bar = text.indexOf('|');
        assertThat(bar).as("'receivers | labels' in %s: %s", file, text).isPositive();
        cases.add(new RoutingCase(text.substring(0, bar).replace(" ", ""),
            List.of(text.substring(bar + 1).trim().split("\\s+"))));
      }
      return cases;
    }

    @Override
    public String toString() {
      return receivers + " <- " + String.join(" ", labels);
    }
  }
}
