package dev.vitals.health;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import java.util.List;

/**
 * The outcome of evaluating one account: its health record, whether that record differs from the last one emitted
 * (ignoring the event time it reflects), and the alerts raised or resolved by this evaluation, in rule order.
 */
public record Evaluation(AccountHealth health, boolean healthChanged, List<ChurnAlert> alertChanges) {}
