package dev.vitals.topology;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;

/**
 * What the account processor emits: health updates, alert transitions, events rejected as too late (or as
 * stragglers of an erased account), and the erasure of an account.
 */
public sealed interface HealthOutput {

  record HealthUpdate(AccountHealth health) implements HealthOutput {}

  record AlertChange(ChurnAlert alert) implements HealthOutput {}

  record Late(DeadLetter deadLetter) implements HealthOutput {}

  /** The account was erased: a tombstone (null value) under its key on the health topic. */
  record Erased(String accountId) implements HealthOutput {}
}
