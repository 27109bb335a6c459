package dev.vitals.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus queries of the Grafana boards in {@code grafana/dashboards/*.json}, ready to run: every panel's
 * targets (rows' nested panels included) with the template variables and Grafana's own interval variables
 * substituted. {@link DashboardsTest} checks the boards with it; an end-to-end test runs every query against a
 * real Prometheus scraping the demo and asserts each returns data.
 *
 * <p>Substitution of a template variable {@code $name}, {@code ${name}}, {@code ${name:format}} or {@code [[name]]}:
 * <ul>
 *   <li>the value given for it, used as is (for a multi-value variable, which the boards only use in {@code =~}
 *       matchers, a regular expression such as {@code ENTERPRISE|SMB});</li>
 *   <li>else, for a multi-value or "All" variable, its {@code allValue}, or {@code .*} when it has none;</li>
 *   <li>else, for a custom, constant or text-box variable, its current (default) value;</li>
 *   <li>else (a single-value query variable such as the drill-down's {@code account}): an
 *       {@link IllegalArgumentException} naming the board and variable.</li>
 * </ul>
 * {@code $__rate_interval} and {@code $__interval} become the given interval, {@code $__range} the given range.
 */
public final class DashboardQueries {
  /** One target of one panel: the board's uid, the panel's title, the target's refId and its PromQL. */
  public record PanelQuery(String dashboardUid, String panelTitle, String refId, String expr) {}

  /**
   * The query that lists a template variable's values, such as {@code label_values(vitals_accounts, segment)},
   * with the variables it refers to substituted as in {@link #panelQueries(Map)}.
   */
  public record TemplateVariableQuery(String dashboardUid, String variable, String query) {
    private static final Pattern LABEL_VALUES =
        Pattern.compile("^\\s*label_values\\(\\s*(?:(.*\\S)\\s*,\\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");

    /** True for {@code label_values(selector, label)} and {@code label_values(label)}. */
    public boolean isLabelValues() {
      return LABEL_VALUES.matcher(query).matches();
    }

    /** The series selector of a {@code label_values} query ({@code vitals_accounts}), empty for all series. */
    public Optional<String> selector() {
      return Optional.ofNullable(labelValues().group(1));
    }

    /** The label whose values the variable lists ({@code segment}). */
    public String label() {
      return labelValues().group(2);
    }

    private Matcher labelValues() {
      Matcher matcher = LABEL_VALUES.matcher(query);
      if (!matcher.matches()) {
        throw new IllegalStateException(dashboardUid + " $" + variable + ": not a label_values query: " + query);
      }
      return matcher;
    }
  }

  public static final String DEFAULT_INTERVAL = "1m";
  public static final String DEFAULT_RANGE = "1h";

  /** {@code $name}, {@code ${name}}, {@code ${name:format}}, {@code [[name]]}; group 1, 2 or 3 is the name. */
  static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([a-zA-Z_][a-zA-Z0-9_.]*)(?::[^}]*)?}|\\[\\[([a-zA-Z_][a-zA-Z0-9_]*)]]|\\$([a-zA-Z_][a-zA-Z0-9_]*)");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Path, JsonNode> dashboards;

  private DashboardQueries(Map<Path, JsonNode> dashboards) {
    this.dashboards = dashboards;
  }

  /** The boards of this repository. */
  public static DashboardQueries load() {
    return load(dashboardsDirectory());
  }

  /** The boards of {@code directory}, every {@code *.json} file in it, in file-name order. */
  public static DashboardQueries load(Path directory) {
    Map<Path, JsonNode> boards = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.comparing(Path::toString)).toList()) {
        boards.put(file, JSON.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the boards in " + directory, e);
    }
    if (boards.isEmpty()) {
      throw new IllegalStateException("no *.json board in " + directory);
    }
    return new DashboardQueries(boards);
  }

  public static Path repositoryRoot() {
    return RepositoryRoot.path();
  }

  public static Path dashboardsDirectory() {
    return repositoryRoot().resolve("grafana").resolve("dashboards");
  }

  /** Each board's file and parsed JSON, in file-name order. */
  public Map<Path, JsonNode> dashboards() {
    return dashboards;
  }

  /** Every panel of every board: top-level panels, rows, and the panels nested in (collapsed) rows. */
  public List<Panel> panels() {
    List<Panel> panels = new ArrayList<>();
    for (JsonNode board : dashboards.values()) {
      String uid = board.path("uid").asText();
      walk(board.path("panels"), panel -> panels.add(new Panel(uid, panel)));
    }
    return panels;
  }

  /** A panel and the uid of its board. */
  public record Panel(String dashboardUid, JsonNode json) {
    public String title() {
      return json.path("title").asText();
    }

    public String type() {
      return json.path("type").asText();
    }
  }

  private static void walk(JsonNode panels, Consumer<JsonNode> visitor) {
    for (JsonNode panel : panels) {
      visitor.accept(panel);
      walk(panel.path("panels"), visitor);
    }
  }

  /** Every panel target's expression as written in the board, variables not substituted. */
  public List<PanelQuery> rawPanelQueries() {
    List<PanelQuery> queries = new ArrayList<>();
    for (Panel panel : panels()) {
      for (JsonNode target : panel.json().path("targets")) {
        String expr = target.path("expr").asText("");
        if (!expr.isBlank() && !target.path("hide").asBoolean(false)) {
          queries.add(new PanelQuery(panel.dashboardUid(), panel.title(), target.path("refId").asText(), expr));
        }
      }
    }
    return queries;
  }

  /** {@link #panelQueries(Map, String, String)} with a rate interval of 1m and a range of 1h. */
  public List<PanelQuery> panelQueries(Map<String, String> values) {
    return panelQueries(values, DEFAULT_INTERVAL, DEFAULT_RANGE);
  }

  /**
   * Every panel target's expression with the template variables substituted (see the class comment),
   * {@code $__rate_interval} and {@code $__interval} replaced by {@code interval} and {@code $__range} by
   * {@code range} (Prometheus durations such as {@code 1m}, {@code 1h}).
   */
  public List<PanelQuery> panelQueries(Map<String, String> values, String interval, String range) {
    Map<String, JsonNode> boardsByUid = boardsByUid();
    List<PanelQuery> queries = new ArrayList<>();
    for (PanelQuery raw : rawPanelQueries()) {
      String expr = substitute(boardsByUid.get(raw.dashboardUid()), raw.expr(), values, interval, range);
      queries.add(new PanelQuery(raw.dashboardUid(), raw.panelTitle(), raw.refId(), expr));
    }
    return queries;
  }

  /** The queries of the boards' query variables, the variables they refer to substituted by their defaults. */
  public List<TemplateVariableQuery> templateVariableQueries() {
    List<TemplateVariableQuery> queries = new ArrayList<>();
    for (JsonNode board : dashboards.values()) {
      for (JsonNode variable : board.path("templating").path("list")) {
        if (!"query".equals(variable.path("type").asText())) {
          continue;
        }
        String query = variableQuery(variable);
        queries.add(new TemplateVariableQuery(board.path("uid").asText(), variable.path("name").asText(),
            substitute(board, query, Map.of(), DEFAULT_INTERVAL, DEFAULT_RANGE)));
      }
    }
    return queries;
  }

  /** A query variable's query: a string in older boards, {@code {"query": ...}} in newer ones. */
  static String variableQuery(JsonNode variable) {
    JsonNode query = variable.path("query");
    return query.isTextual() ? query.asText() : query.path("query").asText("");
  }

  private Map<String, JsonNode> boardsByUid() {
    Map<String, JsonNode> byUid = new LinkedHashMap<>();
    dashboards.values().forEach(board -> byUid.put(board.path("uid").asText(), board));
    return byUid;
  }

  private static String substitute(JsonNode board, String expr, Map<String, String> values, String interval,
      String range) {
    String text = expr.replace("$__rate_interval", interval)
        .replace("${__rate_interval}", interval)
        .replace("$__interval", interval)
        .replace("${__interval}", interval)
        .replace("$__range", range)
        .replace("${__range}", range);
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = variableName(matcher);
      matcher.appendReplacement(out, Matcher.quoteReplacement(valueOf(board, name, values)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  static String variableName(Matcher variableMatch) {
    for (int group = 1; group <= 3; group++) {
      if (variableMatch.group(group) != null) {
        return variableMatch.group(group);
      }
    }
    throw new IllegalStateException("no variable name in " + variableMatch.group());
  }

  private static String valueOf(JsonNode board, String name, Map<String, String> values) {
    String uid = board.path("uid").asText();
    if (values.containsKey(name)) {
      return values.get(name);
    }
    JsonNode variable = null;
    for (JsonNode candidate : board.path("templating").path("list")) {
      if (name.equals(candidate.path("name").asText())) {
        variable = candidate;
      }
    }
    if (variable == null) {
      throw new IllegalArgumentException(uid + ": $" + name + " is not a variable of the board");
    }
    if (variable.path("multi").asBoolean(false) || variable.path("includeAll").asBoolean(false)) {
      String all = variable.path("allValue").asText("");
      return all.isEmpty() ? ".*" : all;
    }
    String type = variable.path("type").asText();
    if (type.equals("custom") || type.equals("constant") || type.equals("textbox")) {
      JsonNode current = variable.path("current").path("value");
      if (current.isTextual() && !current.asText().isEmpty()) {
        return current.asText();
      }
      if (type.equals("constant") || type.equals("textbox")) {
        return variableQuery(variable);
      }
      return variable.path("options").path(0).path("value").asText();
    }
    throw new IllegalArgumentException(uid + ": give a value for $" + name
        + " (a single-value variable; its values: " + variableQuery(variable) + ")");
  }
}
