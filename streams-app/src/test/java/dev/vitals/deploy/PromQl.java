package dev.vitals.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading for the rule files' tests: the series names an expression selects, the labels its
 * selectors match on, and the labels it groups or matches by. Not a parser: promtool checks the syntax; this only
 * finds names, so that a misspelt metric or label cannot hide behind valid syntax.
 */
final class PromQl {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)}");
  private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
      "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

  private PromQl() {}

  /** A series selector: the metric name and the labels its matchers name. */
  record Selector(String metric, Set<String> matcherLabels) {}

  /** Every metric (or recording rule) name the expression selects. */
  static Set<String> metricNames(String expr) {
    String text = RANGE.matcher(GROUPING.matcher(SELECTOR.matcher(withoutStrings(expr))
        .replaceAll(match -> match.group(1) == null ? " " : match.group(1) + " "))
        .replaceAll(" ")).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher identifiers = IDENTIFIER.matcher(text);
    while (identifiers.find()) {
      String name = identifiers.group(1);
      if (!KEYWORDS.contains(name.toLowerCase())) {
        names.add(name);
      }
    }
    return names;
  }

  /** The selectors written with label matchers, e.g. {@code vitals_events_rejected_total{job="vitals"}}. */
  static List<Selector> selectors(String expr) {
    List<Selector> selectors = new ArrayList<>();
    Matcher selector = SELECTOR.matcher(withoutStrings(expr));
    while (selector.find()) {
      if (selector.group(1) == null) {
        continue;
      }
      Set<String> labels = new LinkedHashSet<>();
      Matcher label = MATCHER_LABEL.matcher(selector.group(2));
      while (label.find()) {
        labels.add(label.group(1));
      }
      selectors.add(new Selector(selector.group(1), labels));
    }
    return selectors;
  }

  /** Labels named in by, without, on, ignoring, group_left and group_right clauses. */
  static Set<String> groupingLabels(String expr) {
    Set<String> labels = new LinkedHashSet<>();
    Matcher grouping = GROUPING.matcher(withoutStrings(expr));
    while (grouping.find()) {
      for (String label : grouping.group(2).split(",")) {
        if (!label.isBlank()) {
          labels.add(label.trim());
        }
      }
    }
    return labels;
  }

  /** String literals emptied, so a regular expression inside a matcher is never read as a name. */
  private static String withoutStrings(String expr) {
    return STRING.matcher(expr).replaceAll("\"\"");
  }
}
