package dev.vitals.topology;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * A decoded, valid input event. The raw bytes travel along (by reference, nothing is copied) so that a later
 * rejection, such as TOO_LATE, can still dead-letter the record exactly as it arrived.
 */
public record InboundEvent(
    String accountId,
    String eventId,
    Instant occurredAt,
    SpecificRecord payload,
    byte[] rawKey,
    byte[] rawValue) {}
