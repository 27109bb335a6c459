package dev.vitals.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vitals.dashboards.DashboardQueries.Panel;
import dev.vitals.dashboards.DashboardQueries.PanelQuery;
import dev.vitals.dashboards.DashboardQueries.TemplateVariableQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana boards and provisioning of {@code grafana/}: Grafana is not run here, so these checks stand for it.
 * Each board must be what SPEC §6 and issue 12 ask (fixed uids, the one datasource, a description and a unit on every
 * panel, band colours on scores and bands) and query only series that exist: the names of docs/metrics.md, the
 * recording rules of deploy/prometheus/rules/vitals-recording.yml, and Kafka's, the JVM's and Prometheus' own.
 */
class DashboardsTest {
  static final Set<String> UIDS = Set.of("vitals-overview", "vitals-at-risk", "vitals-account", "vitals-support",
      "vitals-revenue", "vitals-adoption", "vitals-pipeline");

  static final String DATASOURCE_UID = "vitals-prometheus";

  /** The recording rules of deploy/prometheus/rules/vitals-recording.yml the boards may use. */
  static final Set<String> RECORDING_RULES = Set.of(
      "segment:vitals_nps:score", "vitals:nps:score",
      "segment:vitals_csat:percent", "vitals:csat:percent",
      "segment:vitals_ces:mean", "vitals:ces:mean",
      "segment:vitals_fcr:ratio", "vitals:fcr:ratio",
      "segment:vitals_ticket_first_response_seconds:median", "vitals:ticket_first_response_seconds:median",
      "segment:vitals_ticket_resolution_seconds:median", "vitals:ticket_resolution_seconds:median",
      "segment:vitals_mrr_cents:sum", "vitals:mrr_cents:sum", "vitals:arr_cents:sum",
      "segment:vitals_arpu_cents:ratio", "vitals:arpu_cents:ratio",
      "segment:vitals_grr:ratio", "vitals:grr:ratio",
      "segment:vitals_nrr:ratio", "vitals:nrr:ratio",
      "segment:vitals_revenue_churn:ratio", "vitals:revenue_churn:ratio",
      "segment:vitals_license_utilization:ratio", "vitals:license_utilization:ratio",
      "segment:vitals_power_users:ratio", "vitals:power_users:ratio",
      "vitals:api_error:ratio",
      "segment:vitals_health_score:mean", "vitals:health_score:mean",
      "band:vitals_accounts:sum", "segment_band:vitals_accounts:sum",
      "vitals:events_accepted:rate5m", "vitals:events_rejected:rate5m",
      "vitals:event_to_score_latency_seconds:p99",
      "agent:vitals_agent_fcr:ratio", "agent:vitals_agent_csat:percent",
      "agent:vitals_agent_contacts_per_hour_worked:ratio", "agent:vitals_agent_first_response_seconds:median",
      "weekday:vitals_ticket_first_response_seconds:median", "hour:vitals_ticket_first_response_seconds:median",
      "segment:vitals_complaint_rate:ratio", "vitals:complaint_rate:ratio", "vitals:ticket_closure_rate:ratio",
      "vitals:tickets_per_account:ratio",
      "segment:vitals_activation:ratio", "vitals:activation:ratio",
      "segment:vitals_time_to_onboard_seconds:median", "vitals:time_to_onboard_seconds:median",
      "vitals:time_to_first_api_call_seconds:median", "vitals:time_to_value_seconds:median",
      "feature:vitals_key_feature_adoption:ratio",
      "segment:vitals_doc_views_per_active_user:ratio", "vitals:doc_views_per_active_user:ratio",
      "article:vitals_article_rating:mean", "article:vitals_article_views:share",
      "article:vitals_article_heavy_reliance_low_rating:share",
      "kpi_segment:vitals_kpi_target_met:bool", "kpi:vitals_kpi_target_met:bool");

  /** Grafana unit ids the boards use; a typo would show a raw number. */
  static final Set<String> UNITS = Set.of("none", "short", "percent", "percentunit", "s", "ms", "d", "currencyUSD",
      "cps", "bytes", "string");

  static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
      "group_left", "group_right", "bool", "offset", "inf", "nan", "Inf", "NaN");

  static final Map<String, String> BAND_COLOURS = Map.of("HEALTHY", "green", "NEUTRAL", "yellow", "AT_RISK", "red");

  private static DashboardQueries boards;
  private static Map<String, Catalogued> catalogue;

  record Catalogued(String name, String type, String section) {}

  @BeforeAll
  static void load() throws IOException {
    boards = DashboardQueries.load();
    catalogue = catalogue(DashboardQueries.repositoryRoot().resolve("docs").resolve("metrics.md"));
  }

  /** The backticked {@code vitals_*} names of the catalogue's tables, with their type and section. */
  static Map<String, Catalogued> catalogue(Path metricsMd) throws IOException {
    Map<String, Catalogued> names = new LinkedHashMap<>();
    // Catalogue rows only: their second cell is the metric's type (other tables of the file list rules and uses).
    Pattern row = Pattern.compile("^\\|\\s*`(vitals_[a-z0-9_]+)`\\s*\\|\\s*(gauge|counter|histogram)\\s*\\|");
    String section = "";
    for (String line : Files.readAllLines(metricsMd)) {
      if (line.startsWith("## ")) {
        section = line.substring(3).trim();
      }
      Matcher matcher = row.matcher(line);
      if (matcher.find()) {
        names.put(matcher.group(1), new Catalogued(matcher.group(1), matcher.group(2), section));
      }
    }
    return names;
  }

  // ---------------------------------------------------------------------------------------------------- boards

  @Test
  void theSevenBoardsHaveTheirFixedUidsOnce() {
    List<String> uids = boards.dashboards().values().stream().map(b -> b.path("uid").asText()).toList();
    assertThat(uids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(UIDS);
    boards.dashboards().forEach((file, board) ->
        assertThat(file.getFileName().toString()).as("file of %s", board.path("uid").asText())
            .isEqualTo(board.path("uid").asText() + ".json"));
  }

  @Test
  void everyBoardIsAVitalsBoardRefreshedEvery30sOverTheLast6Hours() {
    boards.dashboards().values().forEach(board -> {
      String uid = board.path("uid").asText();
      assertThat(board.path("title").asText()).as("%s title", uid).isNotBlank();
      assertThat(board.path("id").isNull()).as("%s id is null (provisioned)", uid).isTrue();
      assertThat(board.path("tags")).as("%s tags", uid).extracting(JsonNode::asText).contains("vitals");
      assertThat(board.path("refresh").asText()).as("%s refresh", uid).isEqualTo("30s");
      assertThat(board.path("time").path("from").asText()).as("%s time from", uid).isEqualTo("now-6h");
      assertThat(board.path("time").path("to").asText()).as("%s time to", uid).isEqualTo("now");
      assertThat(board.path("schemaVersion").asInt()).as("%s schemaVersion", uid).isBetween(36, 41);
    });
  }

  @Test
  void everyBoardLinksToTheOtherVitalsBoards() {
    boards.dashboards().values().forEach(board -> {
      boolean linked = false;
      for (JsonNode link : board.path("links")) {
        if ("dashboards".equals(link.path("type").asText())) {
          for (JsonNode tag : link.path("tags")) {
            linked |= "vitals".equals(tag.asText());
          }
        }
      }
      assertThat(linked).as("%s has a dashboards link by the tag vitals", board.path("uid").asText()).isTrue();
    });
  }

  @Test
  void linksToABoardUseAnExistingUid() {
    Pattern boardLink = Pattern.compile("/d/([a-zA-Z0-9_-]+)");
    List<String> urls = links();
    assertThat(urls).isNotEmpty();
    for (String url : urls) {
      Matcher matcher = boardLink.matcher(url);
      while (matcher.find()) {
        assertThat(UIDS).as("board linked from %s", url).contains(matcher.group(1));
      }
    }
  }

  /** Every at-risk panel listing accounts links each one to the drill-down, which opens on it. */
  @Test
  void theAtRiskListLinksEachAccountToItsDrillDown() {
    List<Panel> listing = boards.panels().stream().filter(p -> p.dashboardUid().equals("vitals-at-risk"))
        .filter(p -> p.type().equals("table") || p.json().path("targets").findValues("legendFormat").stream()
            .anyMatch(legend -> legend.asText().contains("{{account}}")))
        .toList();
    assertThat(listing).hasSizeGreaterThan(3);
    for (Panel panel : listing) {
      List<String> urls = panel.json().findValues("url").stream().map(JsonNode::asText).toList();
      assertThat(urls).as("links of at-risk / %s", panel.title())
          .anySatisfy(url -> assertThat(url).startsWith("/d/vitals-account/").contains("var-account=${"));
    }
  }

  @Test
  void linksToTheDrillDownOpenItOnAnAccount() {
    assertThat(links()).filteredOn(url -> url.contains("/d/vitals-account")).isNotEmpty()
        .allSatisfy(url -> assertThat(url).contains("var-account=${"));
  }

  private static List<String> links() {
    List<String> urls = new ArrayList<>();
    boards.dashboards().values().forEach(board -> {
      board.path("links").forEach(link -> urls.add(link.path("url").asText()));
      board.path("panels").findValues("url").forEach(url -> urls.add(url.asText()));
    });
    return urls;
  }

  @Test
  void panelIdsAreUniqueAndPanelsFitTheGridWithoutOverlapping() {
    boards.dashboards().values().forEach(board -> {
      String uid = board.path("uid").asText();
      Set<Integer> ids = new HashSet<>();
      boards.panels().stream().filter(p -> p.dashboardUid().equals(uid))
          .forEach(p -> assertThat(ids.add(p.json().path("id").asInt(-1))).as("%s panel id of %s unique", uid,
              p.title()).isTrue());
      assertNoOverlap(uid, board.path("panels"));
      for (JsonNode panel : board.path("panels")) {
        assertNoOverlap(uid, panel.path("panels"));
      }
    });
  }

  private static void assertNoOverlap(String uid, JsonNode panels) {
    List<JsonNode> placed = new ArrayList<>();
    for (JsonNode panel : panels) {
      JsonNode grid = panel.path("gridPos");
      int x = grid.path("x").asInt(-1);
      int w = grid.path("w").asInt(0);
      assertThat(x >= 0 && w > 0 && grid.path("h").asInt(0) > 0 && x + w <= 24 && grid.path("y").asInt(-1) >= 0)
          .as("%s %s gridPos %s", uid, panel.path("title").asText(), grid).isTrue();
      for (JsonNode other : placed) {
        assertThat(overlap(grid, other.path("gridPos")))
            .as("%s: %s overlaps %s", uid, panel.path("title").asText(), other.path("title").asText()).isFalse();
      }
      placed.add(panel);
    }
  }

  private static boolean overlap(JsonNode a, JsonNode b) {
    return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
        && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
        && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
        && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
  }

  // ---------------------------------------------------------------------------------------------------- panels

  private static List<Panel> dataPanels() {
    return boards.panels().stream().filter(p -> !p.type().equals("row") && !p.type().equals("text")).toList();
  }

  @Test
  void everyDataPanelSaysWhatItsNumberMeansInItsUnitFromTheVitalsPrometheus() {
    assertThat(dataPanels()).hasSizeGreaterThan(7 * 8);
    for (Panel panel : dataPanels()) {
      String name = panel.dashboardUid() + " / " + panel.title();
      assertThat(panel.title()).as("title of a panel of %s", panel.dashboardUid()).isNotBlank();
      assertThat(panel.json().path("description").asText()).as("%s description", name).isNotBlank();
      assertDatasource(name, panel.json());
      assertThat(panel.json().path("fieldConfig").path("defaults").path("unit").asText())
          .as("%s unit", name).isIn(UNITS);
      List<JsonNode> withExpr = new ArrayList<>();
      for (JsonNode target : panel.json().path("targets")) {
        assertDatasource(name + " target " + target.path("refId").asText(), target);
        assertThat(target.path("refId").asText()).as("%s refId", name).isNotBlank();
        if (!target.path("expr").asText("").isBlank()) {
          withExpr.add(target);
        }
      }
      assertThat(withExpr).as("%s targets with an expr", name).isNotEmpty();
    }
  }

  private static void assertDatasource(String what, JsonNode node) {
    assertThat(node.path("datasource").path("type").asText()).as("%s datasource type", what).isEqualTo("prometheus");
    assertThat(node.path("datasource").path("uid").asText()).as("%s datasource uid", what).isEqualTo(DATASOURCE_UID);
  }

  @Test
  void textPanelsHaveContent() {
    List<Panel> text = boards.panels().stream().filter(p -> p.type().equals("text")).toList();
    assertThat(text).isNotEmpty();
    text.forEach(p -> assertThat(p.json().path("options").path("content").asText()).as(p.title()).isNotBlank());
  }

  @Test
  void theDrillDownSaysTheExplanationIsAtTheRestApi() {
    assertThat(boards.panels()).filteredOn(p -> p.dashboardUid().equals("vitals-account") && p.type().equals("text"))
        .anySatisfy(p -> assertThat(p.json().path("options").path("content").asText())
            .contains("/accounts/").contains("/health"));
  }

  /** Scores (0-100, band-coloured): every panel of a health or component score, but distributions of counts. */
  @Test
  void scorePanelsColourBandsAt40And70() {
    List<Panel> scorePanels = dataPanels().stream().filter(DashboardsTest::showsScores).toList();
    assertThat(scorePanels).hasSizeGreaterThan(5);
    for (Panel panel : scorePanels) {
      List<JsonNode> thresholds = new ArrayList<>();
      JsonNode fieldConfig = panel.json().path("fieldConfig");
      thresholds.add(fieldConfig.path("defaults").path("thresholds"));
      for (JsonNode override : fieldConfig.path("overrides")) {
        for (JsonNode property : override.path("properties")) {
          if ("thresholds".equals(property.path("id").asText())) {
            thresholds.add(property.path("value"));
          }
        }
      }
      assertThat(thresholds).as("%s / %s thresholds red < 40 <= yellow < 70 <= green", panel.dashboardUid(),
          panel.title()).anySatisfy(DashboardsTest::assertBandThresholds);
    }
  }

  /**
   * A panel shows scores when a target's value is a score: a health or component score series, but not a count of
   * them, nor one used only as a filter after {@code and}, nor a distribution of counts per bucket (heatmap).
   */
  private static boolean showsScores(Panel panel) {
    boolean score = false;
    boolean distribution = true;
    for (JsonNode target : panel.json().path("targets")) {
      String value = target.path("expr").asText("").split("\\band\\b")[0].trim();
      score |= !value.startsWith("count") && (value.contains("health_score") || value.contains("component_score"));
      distribution &= "heatmap".equals(target.path("format").asText());
    }
    return score && !distribution;
  }

  private static void assertBandThresholds(JsonNode thresholds) {
    JsonNode steps = thresholds.path("steps");
    assertThat(steps.size()).isEqualTo(3);
    assertThat(steps.get(0).path("color").asText()).isEqualTo("red");
    assertThat(steps.get(0).path("value").isNull()).isTrue();
    assertThat(steps.get(1).path("color").asText()).isEqualTo("yellow");
    assertThat(steps.get(1).path("value").asDouble()).isEqualTo(40);
    assertThat(steps.get(2).path("color").asText()).isEqualTo("green");
    assertThat(steps.get(2).path("value").asDouble()).isEqualTo(70);
  }

  /** Band panels: a series per band ({@code {{band}}} legends) or a band column; each band in its colour. */
  @Test
  void bandPanelsColourEachBand() {
    List<Panel> bandPanels = dataPanels().stream().filter(DashboardsTest::showsBands).toList();
    assertThat(bandPanels).hasSizeGreaterThan(4);
    for (Panel panel : bandPanels) {
      Map<String, String> colours = bandColours(panel.json());
      assertThat(colours).as("%s / %s band colours", panel.dashboardUid(), panel.title())
          .containsAllEntriesOf(BAND_COLOURS);
    }
  }

  private static boolean showsBands(Panel panel) {
    for (JsonNode target : panel.json().path("targets")) {
      if (target.path("legendFormat").asText("").contains("{{band}}")
          || "table".equals(target.path("format").asText()) && target.path("expr").asText("").contains("band")) {
        return true;
      }
    }
    return false;
  }

  /** Band name to colour, from byName overrides with a fixed colour and from value mappings. */
  private static Map<String, String> bandColours(JsonNode panel) {
    Map<String, String> colours = new LinkedHashMap<>();
    JsonNode fieldConfig = panel.path("fieldConfig");
    for (JsonNode override : fieldConfig.path("overrides")) {
      String name = override.path("matcher").path("options").asText();
      for (JsonNode property : override.path("properties")) {
        if ("color".equals(property.path("id").asText())) {
          colours.put(name, property.path("value").path("fixedColor").asText());
        }
        if ("mappings".equals(property.path("id").asText())) {
          mappingColours(property.path("value"), colours);
        }
      }
    }
    mappingColours(fieldConfig.path("defaults").path("mappings"), colours);
    return colours;
  }

  private static void mappingColours(JsonNode mappings, Map<String, String> colours) {
    for (JsonNode mapping : mappings) {
      mapping.path("options").properties().forEach(e -> {
        if (e.getValue().has("color")) {
          colours.put(e.getKey(), e.getValue().path("color").asText());
        }
      });
    }
  }

  // --------------------------------------------------------------------------------------------------- queries

  @Test
  void everySeriesIsCataloguedARecordingRuleOrKafkaJvmProcessOrUp() {
    Set<String> unknown = new TreeSet<>();
    for (PanelQuery query : boards.rawPanelQueries()) {
      for (String name : metricNames(query.expr())) {
        if (!known(name)) {
          unknown.add(name + " (" + query.dashboardUid() + " / " + query.panelTitle() + ")");
        }
      }
    }
    for (TemplateVariableQuery variable : boards.templateVariableQueries()) {
      variable.selector().ifPresent(selector -> metricNames(selector).stream().filter(n -> !known(n))
          .forEach(n -> unknown.add(n + " ($" + variable.variable() + " of " + variable.dashboardUid() + ")")));
    }
    assertThat(unknown).as("series neither in docs/metrics.md nor recording rules nor Kafka/JVM/process/up")
        .isEmpty();
  }

  @Test
  void everyCataloguedSeriesAndRecordingRuleIsOnABoard() {
    Set<String> used = new HashSet<>();
    boards.rawPanelQueries().forEach(q -> used.addAll(metricNames(q.expr())));
    Set<String> unused = new TreeSet<>();
    for (Catalogued metric : catalogue.values()) {
      boolean shown = used.contains(metric.name()) || metric.type().equals("histogram")
          && (used.contains(metric.name() + "_bucket") || used.contains(metric.name() + "_sum"));
      if (!shown) {
        unused.add(metric.name());
      }
    }
    RECORDING_RULES.stream().filter(rule -> !used.contains(rule)).forEach(unused::add);
    assertThat(unused).as("catalogued series and recording rules no panel shows").isEmpty();
  }

  private static boolean known(String name) {
    if (catalogue.containsKey(name) || RECORDING_RULES.contains(name) || name.equals("up")
        || name.startsWith("kafka_") || name.startsWith("jvm_") || name.startsWith("process_")) {
      return true;
    }
    return histogramBase(name).map(base -> catalogue.get(base)).filter(m -> m.type().equals("histogram")).isPresent();
  }

  private static java.util.Optional<String> histogramBase(String name) {
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (name.endsWith(suffix)) {
        return java.util.Optional.of(name.substring(0, name.length() - suffix.length()));
      }
    }
    return java.util.Optional.empty();
  }

  /** The metric names an expression selects: identifiers that are not functions, keywords, labels or variables. */
  static Set<String> metricNames(String expr) {
    String text = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
        .replaceAll("\\{[^}]*}", "{}")
        .replaceAll("\\[[^]]*]", "[]")
        .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = Pattern.compile("(?<![a-zA-Z0-9_:.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()").matcher(text);
    while (matcher.find()) {
      String token = matcher.group(1);
      if (!PROMQL_WORDS.contains(token)) {
        names.add(token);
      }
    }
    return names;
  }

  /**
   * Business histograms are snapshots of state, not counters: rate() over them is meaningless. Only counters and
   * the pipeline's histograms (counted as events pass) go into rate() or increase(), over $__rate_interval or
   * $__range so that the window always holds enough scrapes.
   */
  @Test
  void onlyCountersAreRatedOverGrafanasIntervals() {
    Pattern rated = Pattern.compile("\\b(?:rate|irate|increase)\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    Pattern range = Pattern.compile("\\[([^]]*)]");
    for (PanelQuery query : boards.rawPanelQueries()) {
      Matcher matcher = rated.matcher(query.expr());
      while (matcher.find()) {
        assertThat(isCounter(matcher.group(1))).as("%s / %s rates %s, not a counter", query.dashboardUid(),
            query.panelTitle(), matcher.group(1)).isTrue();
      }
      Matcher ranges = range.matcher(query.expr());
      while (ranges.find()) {
        assertThat(ranges.group(1)).as("%s / %s range", query.dashboardUid(), query.panelTitle())
            .isIn("$__rate_interval", "$__range");
      }
    }
  }

  static boolean isCounter(String name) {
    Catalogued metric = catalogue.get(name);
    if (metric != null) {
      return metric.type().equals("counter");
    }
    java.util.Optional<String> base = histogramBase(name);
    if (base.isPresent() && catalogue.containsKey(base.get())) {
      Catalogued histogram = catalogue.get(base.get());
      return histogram.type().equals("histogram") && histogram.section().startsWith("Pipeline");
    }
    return !name.startsWith("vitals") && (name.endsWith("_total")
        || name.equals("jvm_gc_pause_seconds_sum") || name.equals("jvm_gc_pause_seconds_count"));
  }

  @Test
  void expressionsAreBalanced() {
    for (PanelQuery query : boards.rawPanelQueries()) {
      String expr = query.expr().replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
      assertThat(expr.chars().filter(c -> c == '"').count() % 2).as("%s quotes", query).isZero();
      Map<Character, Character> close = Map.of(')', '(', ']', '[', '}', '{');
      java.util.Deque<Character> open = new java.util.ArrayDeque<>();
      for (char c : expr.toCharArray()) {
        if (c == '(' || c == '[' || c == '{') {
          open.push(c);
        } else if (close.containsKey(c)) {
          assertThat(open.isEmpty() ? null : open.pop()).as("%s brackets", query).isEqualTo(close.get(c));
        }
      }
      assertThat(open).as("%s unclosed brackets", query).isEmpty();
    }
  }

  // ------------------------------------------------------------------------------------------------- variables

  @Test
  void templatedQueriesReferToVariablesOfTheirBoard() {
    Map<String, Set<String>> variables = variablesByBoard();
    List<String> texts = new ArrayList<>();
    boards.rawPanelQueries().forEach(q -> texts.add(q.dashboardUid() + "\u0000" + q.expr()));
    boards.dashboards().values().forEach(board -> board.path("templating").path("list").forEach(v ->
        texts.add(board.path("uid").asText() + "\u0000" + DashboardQueries.variableQuery(v))));
    for (String text : texts) {
      String uid = text.substring(0, text.indexOf('\u0000'));
      Matcher matcher = DashboardQueries.VARIABLE.matcher(text.substring(uid.length() + 1));
      while (matcher.find()) {
        String name = DashboardQueries.variableName(matcher);
        if (name.startsWith("__")) {
          assertThat(name).as("%s Grafana variable", uid).isIn("__rate_interval", "__range", "__interval");
        } else {
          assertThat(variables.get(uid)).as("%s variables (%s)", uid, text).contains(name);
        }
      }
    }
  }

  @Test
  void multiValueVariablesAreOnlyMatchedAsRegularExpressions() {
    Pattern matcher = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    boards.dashboards().values().forEach(board -> {
      String uid = board.path("uid").asText();
      Set<String> multi = new HashSet<>();
      board.path("templating").path("list").forEach(v -> {
        if (v.path("multi").asBoolean() || v.path("includeAll").asBoolean()) {
          multi.add(v.path("name").asText());
        }
      });
      List<String> exprs = new ArrayList<>();
      boards.rawPanelQueries().stream().filter(q -> q.dashboardUid().equals(uid)).forEach(q -> exprs.add(q.expr()));
      board.path("templating").path("list").forEach(v -> exprs.add(DashboardQueries.variableQuery(v)));
      for (String expr : exprs) {
        Matcher m = matcher.matcher(expr);
        while (m.find()) {
          Matcher variable = DashboardQueries.VARIABLE.matcher(m.group(3));
          while (variable.find()) {
            if (multi.contains(DashboardQueries.variableName(variable))) {
              assertThat(m.group(2)).as("%s: %s", uid, m.group()).isIn("=~", "!~");
            }
          }
        }
      }
    });
  }

  @Test
  void variablesListLabelValuesFromTheVitalsPrometheus() {
    boards.dashboards().values().forEach(board -> board.path("templating").path("list").forEach(variable -> {
      if ("query".equals(variable.path("type").asText())) {
        assertDatasource(board.path("uid").asText() + " $" + variable.path("name").asText(), variable);
      }
    }));
    assertThat(boards.templateVariableQueries()).isNotEmpty()
        .allSatisfy(q -> assertThat(q.isLabelValues()).as(q.toString()).isTrue());
  }

  @Test
  void theBoardsFilterBySegmentCsmAndAccountAsTheIssueAsks() {
    Map<String, String> queries = new LinkedHashMap<>();
    boards.dashboards().values().forEach(board -> board.path("templating").path("list").forEach(v ->
        queries.put(board.path("uid").asText() + " $" + v.path("name").asText(),
            DashboardQueries.variableQuery(v).replace(" ", ""))));
    assertThat(queries).containsEntry("vitals-overview $segment", "label_values(vitals_accounts,segment)")
        .containsEntry("vitals-at-risk $segment", "label_values(vitals_account_health_score,segment)")
        .containsEntry("vitals-account $account", "label_values(vitals_account_health_score,account)");
    assertThat(queries.get("vitals-at-risk $csm")).startsWith("label_values(vitals_account_health_score")
        .endsWith(",csm)");
    JsonNode overview = board("vitals-overview");
    JsonNode segment = overview.path("templating").path("list").get(0);
    assertThat(segment.path("multi").asBoolean()).isTrue();
    assertThat(segment.path("includeAll").asBoolean()).isTrue();
  }

  private static Map<String, Set<String>> variablesByBoard() {
    Map<String, Set<String>> byBoard = new LinkedHashMap<>();
    boards.dashboards().values().forEach(board -> {
      Set<String> names = new HashSet<>();
      board.path("templating").path("list").forEach(v -> names.add(v.path("name").asText()));
      byBoard.put(board.path("uid").asText(), names);
    });
    return byBoard;
  }

  private static JsonNode board(String uid) {
    return boards.dashboards().values().stream().filter(b -> b.path("uid").asText().equals(uid)).findFirst()
        .orElseThrow();
  }

  // ---------------------------------------------------------------------------------------------- provisioning

  @Test
  void theDatasourceIsTheDefaultPrometheusOfTheCompose() throws IOException {
    JsonNode file = yaml(DashboardQueries.repositoryRoot().resolve("grafana/provisioning/datasources/prometheus.yml"));
    assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
    JsonNode datasources = file.path("datasources");
    assertThat(datasources.size()).isEqualTo(1);
    JsonNode prometheus = datasources.get(0);
    assertThat(prometheus.path("uid").asText()).isEqualTo(DATASOURCE_UID);
    assertThat(prometheus.path("type").asText()).isEqualTo("prometheus");
    assertThat(prometheus.path("url").asText()).isEqualTo("http://prometheus:9090");
    assertThat(prometheus.path("access").asText()).isEqualTo("proxy");
    assertThat(prometheus.path("isDefault").asBoolean()).isTrue();
  }

  @Test
  void theDashboardProviderLoadsTheBoardsIntoTheVitalsFolder() throws IOException {
    JsonNode file = yaml(DashboardQueries.repositoryRoot().resolve("grafana/provisioning/dashboards/vitals.yml"));
    assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
    JsonNode providers = file.path("providers");
    assertThat(providers.size()).isEqualTo(1);
    JsonNode provider = providers.get(0);
    assertThat(provider.path("type").asText()).isEqualTo("file");
    assertThat(provider.path("folder").asText()).isEqualTo("Vitals");
    assertThat(provider.path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    assertThat(DashboardQueries.dashboardsDirectory()).isDirectory();
  }

  /** The compose file mounts the repository's folders where the provisioning looks. */
  @Test
  void theComposeMountsTheProvisioningAndTheBoards() throws IOException {
    Path compose = DashboardQueries.repositoryRoot().resolve("docker-compose.yml");
    String text = Files.readString(compose);
    assertThat(text).contains("grafana/provisioning:/etc/grafana/provisioning")
        .contains("grafana/dashboards:/var/lib/grafana/dashboards");
  }

  private static JsonNode yaml(Path file) throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
  }
}
