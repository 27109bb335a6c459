package dev.vitals.replay;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import org.apache.avro.specific.SpecificRecord;

/**
 * What {@link Replay#observe} hands out as the pipeline runs, for tools that measure the pipeline's outputs
 * ({@code calibrate}) without keeping them: each call happens once, in the order the pipeline did it, and nothing is
 * kept for the listener. Every method does nothing unless overridden.
 */
public interface ReplayListener {

  /**
   * An event the pipeline did not refuse (it passed the contract checks, the future-timestamp check and the grace
   * period), in file order, just after the pipeline took it. A re-delivered event (same eventId, dropped by
   * de-duplication) and a cost entry are not refusals either, so they come here too.
   */
  default void accepted(SpecificRecord event) {}

  /** A health record, emitted when an account's health changed (the live processor's emission rule). */
  default void health(AccountHealth health) {}

  /** An alert transition (RAISED or RESOLVED), as it happened. */
  default void alert(ChurnAlert alert) {}

  /** An account erased by an erasure line: its health record is now a tombstone (its alerts came before). */
  default void erased(String accountId) {}
}
