package dev.vitals.topology;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * A decoded, valid input event. The raw bytes travel along (by reference, nothing is copied) so that a later
 * rejection, such as TOO_LATE, can still dead-letter the record exactly as it arrived.
 *
 * <p>An account erasure (a tombstone on {@code vitals.accounts}, see {@link #erasure}) travels the same way, so it
 * reaches the account's task in order with the account's events: it has no payload and no eventId, and its
 * {@code occurredAt} is the erasure time, the tombstone's record timestamp.
 */
public record InboundEvent(
    String accountId,
    String eventId,
    Instant occurredAt,
    SpecificRecord payload,
    byte[] rawKey,
    byte[] rawValue) {

  /** The request to erase {@code accountId}, made at {@code erasedAt}. */
  public static InboundEvent erasure(String accountId, Instant erasedAt, byte[] rawKey) {
    return new InboundEvent(accountId, null, erasedAt, null, rawKey, null);
  }

  /** True for an erasure request rather than an event. */
  public boolean isErasure() {
    return payload == null;
  }
}
