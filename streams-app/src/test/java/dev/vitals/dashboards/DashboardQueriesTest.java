package dev.vitals.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.dashboards.DashboardQueries.PanelQuery;
import dev.vitals.dashboards.DashboardQueries.TemplateVariableQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardQueriesTest {
  /** A small board: a multi-value variable, a custom one, a single-value one, and a row holding a panel. */
  private static final String BOARD = """
      {
        "uid": "b",
        "templating": {"list": [
          {"name": "segment", "type": "query", "multi": true, "includeAll": true,
           "query": {"query": "label_values(vitals_accounts, segment)"}},
          {"name": "csm", "type": "query", "multi": true, "includeAll": true, "allValue": "[a-z].*",
           "query": "label_values(vitals_account_health_score{segment=~\\"$segment\\"}, csm)"},
          {"name": "limit", "type": "custom", "query": "10,25", "current": {"text": "25", "value": "25"}},
          {"name": "account", "type": "query", "query": {"query": "label_values(vitals_account_health_score, account)"}}
        ]},
        "panels": [
          {"id": 1, "title": "Top", "targets": [
            {"refId": "A", "expr": "sum(rate(x_total{segment=~\\"${segment}\\"}[$__rate_interval]))"},
            {"refId": "B", "expr": "bottomk($limit, y{csm=~\\"[[csm]]\\"})"},
            {"refId": "C", "expr": "increase(x_total[$__range])", "hide": true},
            {"refId": "D", "expr": ""}
          ]},
          {"id": 2, "type": "row", "title": "Folded", "collapsed": true, "panels": [
            {"id": 3, "title": "Nested", "targets": [{"refId": "A", "expr": "z{account=\\"$account\\"}"}]}
          ]}
        ]
      }
      """;

  @TempDir
  Path dir;

  private DashboardQueries board() throws IOException {
    Files.writeString(dir.resolve("b.json"), BOARD);
    Files.writeString(dir.resolve("notes.txt"), "not a board");
    return DashboardQueries.load(dir);
  }

  @Test
  void substitutesVariablesIntervalsAndAllValuesInEveryVisibleTargetOfEveryPanelAndRow() throws IOException {
    List<PanelQuery> queries = board().panelQueries(Map.of("account", "acc-0001"), "2m", "3h");

    assertThat(queries).containsExactly(
        new PanelQuery("b", "Top", "A", "sum(rate(x_total{segment=~\".*\"}[2m]))"),
        new PanelQuery("b", "Top", "B", "bottomk(25, y{csm=~\"[a-z].*\"})"),
        new PanelQuery("b", "Nested", "A", "z{account=\"acc-0001\"}"));
  }

  @Test
  void givenValuesWinOverDefaults() throws IOException {
    List<PanelQuery> queries = board().panelQueries(Map.of("account", "a", "segment", "SMB|ENTERPRISE", "limit", "5"));

    assertThat(queries).extracting(PanelQuery::expr).contains(
        "sum(rate(x_total{segment=~\"SMB|ENTERPRISE\"}[1m]))", "bottomk(5, y{csm=~\"[a-z].*\"})");
  }

  @Test
  void aSingleValueVariableMustBeGiven() throws IOException {
    DashboardQueries board = board();

    assertThatThrownBy(() -> board.panelQueries(Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$account").hasMessageContaining("label_values(vitals_account_health_score, account)");
  }

  @Test
  void templateVariableQueriesAreRunnableLabelValues() throws IOException {
    List<TemplateVariableQuery> variables = board().templateVariableQueries();

    assertThat(variables).extracting(TemplateVariableQuery::variable).containsExactly("segment", "csm", "account");
    TemplateVariableQuery csm = variables.get(1);
    assertThat(csm.query()).isEqualTo("label_values(vitals_account_health_score{segment=~\".*\"}, csm)");
    assertThat(csm.selector()).contains("vitals_account_health_score{segment=~\".*\"}");
    assertThat(csm.label()).isEqualTo("csm");
    assertThat(variables.get(0).selector()).contains("vitals_accounts");
  }

  @Test
  void theRepositoryBoardsAllResolveWithAnAccount() {
    DashboardQueries boards = DashboardQueries.load();

    List<PanelQuery> queries = boards.panelQueries(Map.of("account", "acc-0001"));

    assertThat(queries).hasSameSizeAs(boards.rawPanelQueries()).isNotEmpty()
        .allSatisfy(q -> assertThat(q.expr()).as(q.toString()).doesNotContain("$").doesNotContain("[["));
    assertThat(queries).filteredOn(q -> q.dashboardUid().equals("vitals-account"))
        .isNotEmpty().anySatisfy(q -> assertThat(q.expr()).contains("account=\"acc-0001\""));
    assertThat(boards.templateVariableQueries()).isNotEmpty()
        .allSatisfy(q -> assertThat(q.query()).doesNotContain("$"));
  }
}
