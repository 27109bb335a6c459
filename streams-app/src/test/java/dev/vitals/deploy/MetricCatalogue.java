package dev.vitals.deploy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric catalogue of docs/metrics.md, the contract between the service and everything that reads its
 * /metrics: each {@code vitals_*} series name with its labels. A histogram contributes its {@code _bucket} (with
 * {@code le}), {@code _sum} and {@code _count} series.
 */
final class MetricCatalogue {
  /** Labels Prometheus adds to every scraped series. */
  static final Set<String> TARGET_LABELS = Set.of("job", "instance");

  private static final Pattern NAME = Pattern.compile("`(vitals_[a-z0-9_]+)`");
  private static final Set<String> PER_ACCOUNT_LABELS = Set.of("account", "segment", "csm");

  private final Map<String, Set<String>> labelsByName;

  private MetricCatalogue(Map<String, Set<String>> labelsByName) {
    this.labelsByName = labelsByName;
  }

  static MetricCatalogue load() {
    return parse(DeployFiles.read(DeployFiles.path("docs/metrics.md")));
  }

  /**
   * Reads the tables: first cell the backticked name, second the type, third the labels ("(none)" for none). In
   * the per-account section every series also carries account, segment and csm, as its introduction says.
   */
  static MetricCatalogue parse(String markdown) {
    Map<String, Set<String>> labelsByName = new TreeMap<>();
    boolean perAccount = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("## ")) {
        perAccount = line.toLowerCase().contains("per-account");
        continue;
      }
      if (!line.startsWith("|")) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      if (cells.length < 4) {
        continue;
      }
      Matcher name = NAME.matcher(cells[1]);
      if (!name.find() || cells[1].contains("*")) {
        continue;
      }
      String type = cells[2].trim();
      if (!Set.of("gauge", "counter", "histogram").contains(type)) {
        continue; // another table (the recording rules, where each series is used), not the catalogue
      }
      String labelCell = cells[3].replace("`", "").trim();
      Set<String> labels = new LinkedHashSet<>();
      boolean none = labelCell.equals("(none)");
      if (perAccount && !none) {
        labels.addAll(PER_ACCOUNT_LABELS);
      }
      if (!none) {
        Arrays.stream(labelCell.split(",")).map(String::trim).filter(label -> !label.isEmpty())
            .forEach(labels::add);
      }
      String metric = name.group(1);
      if (type.equals("histogram")) {
        Set<String> bucketLabels = new LinkedHashSet<>(labels);
        bucketLabels.add("le");
        labelsByName.put(metric + "_bucket", bucketLabels);
        labelsByName.put(metric + "_sum", labels);
        labelsByName.put(metric + "_count", labels);
      } else {
        labelsByName.put(metric, labels);
      }
    }
    return new MetricCatalogue(labelsByName);
  }

  boolean contains(String series) {
    return labelsByName.containsKey(series);
  }

  /** The series' labels, those Prometheus adds included. */
  Set<String> labels(String series) {
    Set<String> labels = new LinkedHashSet<>(labelsByName.getOrDefault(series, Set.of()));
    labels.addAll(TARGET_LABELS);
    return labels;
  }

  Set<String> names() {
    return labelsByName.keySet();
  }
}
