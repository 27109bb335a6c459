package dev.vitals.topology;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;

/** What the account processor emits: health updates, alert transitions, and events rejected as too late. */
public sealed interface HealthOutput {

  record HealthUpdate(AccountHealth health) implements HealthOutput {}

  record AlertChange(ChurnAlert alert) implements HealthOutput {}

  record Late(DeadLetter deadLetter) implements HealthOutput {}
}
