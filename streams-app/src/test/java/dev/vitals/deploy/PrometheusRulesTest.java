package dev.vitals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * deploy/prometheus checked by promtool (config, rules, every unit test file), and the unit tests held to cover
 * every rule, including a case where each alert must not fire.
 */
class PrometheusRulesTest {
  private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);

  @Test
  void composeConfigIsValidWithItsRuleFiles() {
    // check config also loads and checks every rule file the config names.
    DeployFiles.run(TOOL_TIMEOUT, DeployFiles.tool("promtool"), "check", "config",
        "deploy/prometheus/prometheus.yml").assertSucceeded();
  }

  @Test
  void localConfigIsValidWithTheSameRuleFiles() {
    DeployFiles.run(TOOL_TIMEOUT, DeployFiles.tool("promtool"), "check", "config",
        "deploy/prometheus/local.yml").assertSucceeded();
    assertThat(ruleFilesOf("deploy/prometheus/local.yml"))
        .as("local.yml evaluates the same rules as prometheus.yml")
        .isEqualTo(ruleFilesOf("deploy/prometheus/prometheus.yml"));
  }

  @Test
  void ruleFilesPassCheckRules() {
    List<String> command = new ArrayList<>(List.of(DeployFiles.tool("promtool"), "check", "rules"));
    ruleFiles().forEach(file -> command.add(relative(file)));
    DeployFiles.run(TOOL_TIMEOUT, command).assertSucceeded();
  }

  @TestFactory
  Stream<DynamicTest> everyUnitTestFilePasses() {
    List<Path> tests = testFiles();
    assertThat(tests).as("promtool unit tests under deploy/prometheus/tests").isNotEmpty();
    return tests.stream().map(file -> DynamicTest.dynamicTest(relative(file), () ->
        DeployFiles.run(TOOL_TIMEOUT, DeployFiles.tool("promtool"), "test", "rules", relative(file))
            .assertSucceeded()));
  }

  @Test
  void everyRecordingRuleIsEvaluatedByAUnitTest() {
    Set<String> tested = new TreeSet<>();
    for (Path file : testFiles()) {
      for (JsonNode test : DeployFiles.yaml(file).path("tests")) {
        for (JsonNode exprTest : test.path("promql_expr_test")) {
          tested.addAll(PromQl.metricNames(exprTest.path("expr").asText()));
        }
      }
    }
    assertThat(tested).as("recording rules evaluated in deploy/prometheus/tests").containsAll(recordNames());
  }

  @Test
  void everyAlertIsTestedFiringAndNotFiring() {
    Set<String> fired = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    for (Path file : testFiles()) {
      for (JsonNode test : DeployFiles.yaml(file).path("tests")) {
        for (JsonNode alertTest : test.path("alert_rule_test")) {
          String name = alertTest.path("alertname").asText();
          (alertTest.path("exp_alerts").isEmpty() ? quiet : fired).add(name);
        }
      }
    }
    List<String> alerts = alertRules().stream().map(rule -> rule.path("alert").asText()).toList();
    assertThat(fired).as("alerts with a unit test where they fire").containsAll(alerts);
    assertThat(quiet).as("alerts with a unit test where they must not fire (the boundary)").containsAll(alerts);
  }

  @Test
  void alertsCarryTeamAndVitalsSeverities() {
    Set<String> severities = new LinkedHashSet<>();
    Arrays.stream(Severity.values()).forEach(severity -> severities.add(severity.name()));
    for (JsonNode rule : alertRules()) {
      String name = rule.path("alert").asText();
      JsonNode labels = rule.path("labels");
      assertThat(labels.path("team").asText()).as("team of %s", name).isIn("cs", "cs-leadership", "platform");
      assertThat(rule.path("annotations").path("summary").asText()).as("summary of %s", name).isNotBlank();
      if (labels.has("severity")) {
        assertThat(labels.path("severity").asText()).as("severity of %s", name).isIn(severities);
      } else {
        // Churn risk takes its severity from Vitals' series, as Vitals decided it.
        assertThat(rule.path("expr").asText()).as("%s without a severity label of its own", name)
            .contains("severity");
      }
    }
  }

  @Test
  void churnRiskTellsTheCsmWhatToDoForEveryRuleVitalsRaises() {
    JsonNode churnRisk = alertRules().stream()
        .filter(rule -> rule.path("alert").asText().equals("VitalsChurnRisk"))
        .findFirst().orElseThrow();
    String description = churnRisk.path("annotations").path("description").asText();
    for (AlertRule rule : AlertRule.values()) {
      assertThat(description).as("advice for %s in VitalsChurnRisk's description", rule)
          .contains("eq $labels.rule \"" + rule.name() + "\"");
    }
    assertThat(churnRisk.path("annotations").path("dashboard").asText())
        .isEqualTo("http://localhost:3000/d/vitals-account/account-drill-down?var-account={{ $labels.account }}");
    assertThat(churnRisk.path("labels").path("team").asText()).isEqualTo("cs");
  }

  static List<Path> ruleFiles() {
    List<Path> files = DeployFiles.files(DeployFiles.path("deploy/prometheus/rules"), ".yml", ".yaml");
    assertThat(files).as("rule files under deploy/prometheus/rules").isNotEmpty();
    return files;
  }

  /** Every rule of every rule file (recording and alerting). */
  static List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    for (Path file : ruleFiles()) {
      for (JsonNode group : DeployFiles.yaml(file).path("groups")) {
        group.path("rules").forEach(rules::add);
      }
    }
    return rules;
  }

  static Set<String> recordNames() {
    Set<String> names = new TreeSet<>();
    rules().stream().filter(rule -> rule.has("record")).forEach(rule -> names.add(rule.path("record").asText()));
    return names;
  }

  static List<JsonNode> alertRules() {
    return rules().stream().filter(rule -> rule.has("alert")).toList();
  }

  private static List<Path> testFiles() {
    return DeployFiles.files(DeployFiles.path("deploy/prometheus/tests"), ".yml", ".yaml");
  }

  private static List<String> ruleFilesOf(String config) {
    List<String> files = new ArrayList<>();
    DeployFiles.yaml(DeployFiles.path(config)).path("rule_files").forEach(file -> files.add(file.asText()));
    return files;
  }

  private static String relative(Path file) {
    return DeployFiles.root().relativize(file).toString();
  }
}
