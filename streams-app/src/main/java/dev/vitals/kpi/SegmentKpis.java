package dev.vitals.kpi;

import java.util.Map;

/**
 * Portfolio KPIs of one segment, or of every account ("overall"), as {@code replay} writes them to kpis.json.
 * Field names are a stable contract (docs/scoring.md, "Portfolio KPIs", lists them); null means no data.
 */
public record SegmentKpis(
    int accounts,
    Double nps,
    int npsRespondents,
    Double csat,
    int csatAnswers,
    Double ces,
    int cesAnswers,
    Double fcr,
    Map<String, Integer> resolvedByContact,
    Long firstResponseMedianSeconds,
    Long resolutionMedianSeconds,
    int openTickets,
    long mrrCents,
    long arrCents,
    Long arpuCents,
    Map<String, Long> mrrMovementsCents,
    Double grr,
    Double nrr,
    Map<String, Integer> accountsByBand) {}
