package dev.vitals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rule files read only series the service exports (docs/metrics.md is the contract), recording rules defined
 * in the repository, {@code up}, and the Kafka clients' {@code kafka_*} metrics; and they match and group only on
 * labels those series carry. promtool accepts any name, so a misspelt metric would otherwise be an alert that
 * never fires.
 */
class RuleMetricNamesTest {
  private final MetricCatalogue catalogue = MetricCatalogue.load();
  private final Set<String> recordingRules = PrometheusRulesTest.recordNames();

  @Test
  void rulesReadOnlyCataloguedSeriesAndRecordingRules() {
    List<String> unknown = new ArrayList<>();
    for (JsonNode rule : PrometheusRulesTest.rules()) {
      for (String name : PromQl.metricNames(rule.path("expr").asText())) {
        if (!known(name)) {
          unknown.add(nameOf(rule) + ": " + name);
        }
      }
    }
    assertThat(unknown).as("names neither in docs/metrics.md nor recording rules of deploy/prometheus/rules")
        .isEmpty();
  }

  @Test
  void selectorsMatchOnlyLabelsTheSeriesCarries() {
    List<String> wrong = new ArrayList<>();
    for (JsonNode rule : PrometheusRulesTest.rules()) {
      for (PromQl.Selector selector : PromQl.selectors(rule.path("expr").asText())) {
        if (catalogue.contains(selector.metric())) {
          Set<String> extra = new LinkedHashSet<>(selector.matcherLabels());
          extra.removeAll(catalogue.labels(selector.metric()));
          if (!extra.isEmpty()) {
            wrong.add(nameOf(rule) + ": " + selector.metric() + " has no label " + extra);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void groupingUsesOnlyLabelsOfTheSeriesInvolved() {
    List<String> wrong = new ArrayList<>();
    for (JsonNode rule : PrometheusRulesTest.rules()) {
      String expr = rule.path("expr").asText();
      Set<String> available = new LinkedHashSet<>();
      boolean unknownLabels = false;
      for (String name : PromQl.metricNames(expr)) {
        if (catalogue.contains(name)) {
          available.addAll(catalogue.labels(name));
        } else if (name.equals("up")) {
          available.addAll(MetricCatalogue.TARGET_LABELS);
        } else {
          // kafka_* metrics (labels set by the Kafka clients) and recording rules: not catalogued here.
          unknownLabels = true;
        }
      }
      if (unknownLabels) {
        continue;
      }
      Set<String> extra = new LinkedHashSet<>(PromQl.groupingLabels(expr));
      extra.removeAll(available);
      if (!extra.isEmpty()) {
        wrong.add(nameOf(rule) + " groups or matches by " + extra + ", which none of its series carries");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theCatalogueIsReadAsWritten() {
    // Guards the parser: if docs/metrics.md changed its table layout, the tests above would check nothing.
    assertThat(catalogue.names()).contains("vitals_nps_promoters", "vitals_health_score_bucket",
        "vitals_health_score_sum", "vitals_health_score_count", "vitals_events_accepted_total",
        "vitals_event_to_score_latency_seconds_bucket", "vitals_account_alert_open")
        .doesNotContain("vitals_health_score", "vitals_event_to_score_latency_seconds");
    assertThat(catalogue.labels("vitals_tickets_resolved_30d")).contains("segment", "contacts");
    assertThat(catalogue.labels("vitals_ticket_first_response_seconds_bucket")).contains("segment", "le");
    assertThat(catalogue.labels("vitals_account_alert_open"))
        .contains("account", "segment", "csm", "rule", "severity");
    assertThat(catalogue.labels("vitals_account_series_cap")).containsOnly("job", "instance");
  }

  @Test
  void promQlReadingFindsNamesNotFunctionsOrLabels() {
    String expr = "histogram_quantile(0.5, sum by (segment, le) (rate(vitals_x_bucket{kind=~\"a|b\"}[5m])))"
        + " and on () (max(up{job=\"vitals\"}) == 1) or vector(0) > bool 1e3 / segment:vitals_y:ratio offset 5m";
    assertThat(PromQl.metricNames(expr)).containsExactly("vitals_x_bucket", "up", "segment:vitals_y:ratio");
    assertThat(PromQl.groupingLabels(expr)).containsExactly("segment", "le");
    assertThat(PromQl.selectors(expr)).containsExactly(
        new PromQl.Selector("vitals_x_bucket", Set.of("kind")), new PromQl.Selector("up", Set.of("job")));
  }

  private boolean known(String name) {
    if (name.contains(":")) {
      return recordingRules.contains(name);
    }
    return name.equals("up") || name.startsWith("kafka_") || catalogue.contains(name);
  }

  private static String nameOf(JsonNode rule) {
    return rule.has("record") ? rule.path("record").asText() : rule.path("alert").asText();
  }
}
