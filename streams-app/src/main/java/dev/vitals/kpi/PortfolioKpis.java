package dev.vitals.kpi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The portfolio's KPIs, overall and per segment, as of the stream time (the latest usage event time of any
 * account) and over a trailing period: surveys and tickets pooled over every account, MRR summed, MRR movements,
 * GRR, NRR, logo and revenue retention over the period, power users, CLV, and the cost KPIs (overall only).
 *
 * @param segments keyed by segment name; accounts without a profile are under {@code UNKNOWN}
 */
public record PortfolioKpis(Instant asOf, int periodDays, SegmentKpis overall, Map<String, SegmentKpis> segments,
    CostKpis costs) {

  /** Gross margin CLV is computed with unless configured (SPEC §3). */
  public static final double DEFAULT_GROSS_MARGIN = 0.8;

  /** The report of a (merged) share: the overall counts are the sum of the segments'. */
  public static PortfolioKpis of(PortfolioShare share, double grossMargin) {
    PortfolioTally overall = new PortfolioTally(share.asOf(), new KpiPeriod(share.periodDays()).duration());
    Map<String, SegmentKpis> bySegment = new LinkedHashMap<>();
    share.segments().forEach((segment, counts) -> {
      overall.add(counts);
      bySegment.put(segment, SegmentKpis.of(counts, grossMargin));
    });
    PortfolioCounts total = overall.counts();
    SegmentKpis overallKpis = SegmentKpis.of(total, grossMargin);
    return new PortfolioKpis(share.asOf(), share.periodDays(), overallKpis, bySegment,
        CostKpis.of(share.costs(), total, overallKpis.clv()));
  }
}
