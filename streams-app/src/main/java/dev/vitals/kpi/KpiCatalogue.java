package dev.vitals.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vitals.schema.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The KPI catalogue (SPEC §3, {@code vitals/kpis.yaml}): every KPI with its layer, owning role, direction and a
 * target per segment. Loaded once and validated: a wrong entry is refused with the file, the entry and the field.
 * {@code docs/kpis.md} is rendered from it ({@link #toMarkdown()}).
 */
public record KpiCatalogue(List<Kpi> kpis) {
  public static final String RESOURCE = "vitals/kpis.yaml";
  private static final String DEFAULT_TARGET = "default";
  private static final Set<String> FIELDS = Set.of("id", "name", "layer", "owner", "direction", "unit", "series",
      "targets");

  /** Strategic: the executive's outcomes; operational: the team's levers; execution: the day's work. */
  public enum Layer { STRATEGIC, OPERATIONAL, EXECUTION }

  public enum Direction { HIGHER, LOWER }

  /**
   * @param series the Prometheus series or recording rule that computes it; null when Vitals does not compute it yet
   * @param targets by segment name, and {@code default} for the segments not listed
   */
  public record Kpi(String id, String name, Layer layer, String owner, Direction direction, String unit,
      String series, Map<String, Double> targets) {

    /** The target of {@code segment}, or the default one. */
    public double targetFor(Segment segment) {
      return targets.getOrDefault(segment.name(), targets.get(DEFAULT_TARGET));
    }
  }

  public KpiCatalogue {
    kpis = List.copyOf(kpis);
  }

  /** The bundled catalogue. */
  public static KpiCatalogue bundled() {
    try (InputStream in = KpiCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return parse(RESOURCE, new YAMLMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static KpiCatalogue parse(String source, JsonNode root) {
    List<Kpi> kpis = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonNode list = root.path("kpis");
    if (!list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException(source + ": kpis: a list of KPIs is required");
    }
    for (int i = 0; i < list.size(); i++) {
      String at = source + ": kpis[" + i + "]";
      JsonNode entry = list.get(i);
      entry.fieldNames().forEachRemaining(field -> {
        if (!FIELDS.contains(field)) {
          throw new IllegalArgumentException(at + "." + field + ": unknown field (expected one of " + FIELDS + ")");
        }
      });
      String id = text(entry, "id", at);
      if (!ids.add(id)) {
        throw new IllegalArgumentException(at + ".id: " + id + " is listed twice");
      }
      kpis.add(new Kpi(id, text(entry, "name", at), choice(Layer.class, entry, "layer", at), text(entry, "owner", at),
          choice(Direction.class, entry, "direction", at), text(entry, "unit", at),
          entry.hasNonNull("series") ? entry.get("series").asText() : null, targets(entry.path("targets"), at)));
    }
    return new KpiCatalogue(kpis);
  }

  private static String text(JsonNode entry, String field, String at) {
    JsonNode value = entry.get(field);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw new IllegalArgumentException(at + "." + field + ": is required");
    }
    return value.asText();
  }

  private static <E extends Enum<E>> E choice(Class<E> type, JsonNode entry, String field, String at) {
    String value = text(entry, field, at);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + "." + field + ": must be one of "
          + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
          + ", was " + value);
    }
  }

  private static Map<String, Double> targets(JsonNode node, String at) {
    if (!node.isObject() || !node.has(DEFAULT_TARGET)) {
      throw new IllegalArgumentException(at + ".targets: a default target is required");
    }
    Map<String, Double> targets = new LinkedHashMap<>();
    node.fields().forEachRemaining(target -> {
      String key = target.getKey();
      if (!key.equals(DEFAULT_TARGET) && Arrays.stream(Segment.values()).noneMatch(s -> s.name().equals(key))) {
        throw new IllegalArgumentException(at + ".targets." + key + ": not a segment (or default)");
      }
      if (!target.getValue().isNumber()) {
        throw new IllegalArgumentException(at + ".targets." + key + ": must be a number, was " + target.getValue());
      }
      targets.put(key, target.getValue().asDouble());
    });
    return Map.copyOf(targets);
  }

  /** {@code docs/kpis.md}: the catalogue by layer, a table each, targets per segment. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder("# KPI catalogue\n\n")
        .append("Generated from `streams-app/src/main/resources/").append(RESOURCE).append("` (edit that file, then ")
        .append("run `KpiCatalogueDocs` from the tests; `KpiCatalogueTest` fails while they differ). Definitions: ")
        .append("SPEC §3 and [scoring.md](scoring.md). \"Computed by\" names the Prometheus series or recording ")
        .append("rule ([metrics.md](metrics.md)); a KPI without one is not computed yet.\n");
    for (Layer layer : Layer.values()) {
      out.append("\n## ").append(capitalised(layer.name())).append("\n\n")
          .append("| KPI | owner | better | unit | computed by | target |")
          .append(Arrays.stream(Segment.values()).map(s -> " " + s.name() + " |").reduce("", String::concat))
          .append('\n')
          .append("|---|---|---|---|---|---:|")
          .append("---:|".repeat(Segment.values().length)).append('\n');
      for (Kpi kpi : kpis) {
        if (kpi.layer() != layer) {
          continue;
        }
        out.append("| ").append(kpi.name()).append(" (`").append(kpi.id()).append("`) | ").append(kpi.owner())
            .append(" | ").append(kpi.direction().name().toLowerCase(Locale.ROOT)).append(" | ").append(kpi.unit())
            .append(" | ").append(kpi.series() == null ? "not yet" : "`" + kpi.series() + "`")
            .append(" | ").append(number(kpi.targets().get(DEFAULT_TARGET))).append(" |");
        for (Segment segment : Segment.values()) {
          out.append(' ').append(number(kpi.targetFor(segment))).append(" |");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String capitalised(String name) {
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
