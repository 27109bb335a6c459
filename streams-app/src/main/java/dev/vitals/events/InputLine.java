package dev.vitals.events;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * One line of a JSON-lines input ({@code replay}, {@code produce}): an event, or the erasure of an account, written
 * {@code {"type": "erasure", "accountId": "acme", "erasedAt": "2026-03-01T00:00:00Z"}}. An erasure is what a
 * tombstone on {@code vitals.accounts} (key = accountId, record timestamp = erasedAt) is to the live pipeline.
 */
public sealed interface InputLine {

  record Event(SpecificRecord event) implements InputLine {}

  /** The request to erase {@code accountId}, made at {@code erasedAt}. */
  record Erasure(String accountId, Instant erasedAt) implements InputLine {
    /** The {@code type} of an erasure line. */
    public static final String TYPE = "erasure";

    public Erasure {
      if (accountId == null || accountId.isBlank()) {
        throw new InvalidEventException("accountId", "an erasure needs the accountId of the account to erase");
      }
      if (erasedAt == null) {
        throw new InvalidEventException("erasedAt", "an erasure needs erasedAt, the instant it was asked for");
      }
    }
  }
}
