package dev.vitals.kpi;

import java.time.Instant;

/**
 * An account's KPIs as of one event time, grouped by the health component that reads them.
 * Plain values, no Kafka types: the scoring model and the alert rules take this and nothing else.
 */
public record AccountKpis(
    Instant asOf,
    UsageKpis usage,
    SupportKpis support,
    FinancialKpis financial,
    SentimentKpis sentiment) {}
