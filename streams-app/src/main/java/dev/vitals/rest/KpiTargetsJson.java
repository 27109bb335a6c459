package dev.vitals.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.kpi.KpiCatalogue;
import dev.vitals.schema.Segment;
import java.util.Locale;

/**
 * {@code GET /kpis/targets}: every KPI of the catalogue with its layer, owner, direction, unit, the series that
 * computes it and its target for each segment (the default resolved), so a client can put targets beside the
 * values of {@code GET /kpis} without reading {@code vitals/kpis.yaml}.
 */
final class KpiTargetsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KpiTargetsJson() {}

  static String of(KpiCatalogue catalogue) {
    ArrayNode kpis = JSON.createArrayNode();
    for (KpiCatalogue.Kpi kpi : catalogue.kpis()) {
      ObjectNode entry = kpis.addObject()
          .put("id", kpi.id())
          .put("name", kpi.name())
          .put("layer", kpi.layer().name().toLowerCase(Locale.ROOT))
          .put("owner", kpi.owner())
          .put("direction", kpi.direction().name().toLowerCase(Locale.ROOT))
          .put("unit", kpi.unit())
          .put("series", kpi.series());
      ObjectNode targets = entry.putObject("targets");
      for (Segment segment : Segment.values()) {
        targets.put(segment.name(), kpi.targetFor(segment));
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("kpis", kpis);
    return body.toString();
  }
}
