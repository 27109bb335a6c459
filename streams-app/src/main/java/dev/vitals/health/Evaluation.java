package dev.vitals.health;

import dev.vitals.kpi.AccountFigures;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import java.util.List;

/**
 * The outcome of evaluating one account: its health record, whether that record differs from the last one emitted
 * (ignoring the event time it reflects), and the alerts raised or resolved by this evaluation, in rule order; with a
 * changed record, the counts and sums behind its ratios (for the metrics), taken as of the same instant.
 */
public record Evaluation(AccountHealth health, boolean healthChanged, List<ChurnAlert> alertChanges,
    AccountFigures figures) {}
