package dev.vitals.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.kpi.KpiPeriod;
import dev.vitals.kpi.PortfolioKpis;
import dev.vitals.kpi.PortfolioShare;
import dev.vitals.schema.Segment;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of {@code GET /kpis?segment=&period=}, validated: the period is 30, 90 or 365 days (30 when
 * absent), the segment one of the profiles' segments or {@value PortfolioShare#UNKNOWN_SEGMENT} (every segment
 * when absent). {@code asOf} (an ISO-8601 instant) is only for the instance-to-instance share request.
 */
record PortfolioRequest(KpiPeriod period, String segment, Instant asOf) {

  /** The request, or an {@link IllegalArgumentException} whose message says which parameter is wrong and why. */
  static PortfolioRequest parse(String period, String segment, String asOf, boolean asOfRequired) {
    KpiPeriod kpiPeriod = period == null ? KpiPeriod.MONTH : KpiPeriod.parse(period);
    if (segment != null && !segments().contains(segment)) {
      throw new IllegalArgumentException("segment must be one of " + segments() + ", not " + Exchanges.quoted(segment));
    }
    Instant instant = null;
    if (asOf != null || asOfRequired) {
      try {
        instant = Instant.parse(String.valueOf(asOf));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("asOf must be an ISO-8601 instant such as 2026-03-01T09:30:00Z, not "
            + Exchanges.quoted(String.valueOf(asOf)));
      }
    }
    return new PortfolioRequest(kpiPeriod, segment, instant);
  }

  /** The whole report as kpis.json has it, or, for one segment, its KPIs with the report's instant and period. */
  String answer(PortfolioKpis report) throws JsonProcessingException {
    if (segment == null) {
      return PortfolioQueries.JSON.writeValueAsString(report);
    }
    ObjectNode body = PortfolioQueries.JSON.createObjectNode();
    body.put("asOf", report.asOf().toString());
    body.put("periodDays", report.periodDays());
    body.put("segment", segment);
    body.set("kpis", PortfolioQueries.JSON.valueToTree(report.segments().get(segment)));
    return body.toString();
  }

  private static List<String> segments() {
    List<String> names = new ArrayList<>();
    for (Segment value : Segment.values()) {
      names.add(value.name());
    }
    names.add(PortfolioShare.UNKNOWN_SEGMENT);
    return names;
  }
}
