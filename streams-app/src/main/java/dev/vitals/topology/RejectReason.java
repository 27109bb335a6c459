package dev.vitals.topology;

/** Why a record went to the dead-letter topic; the header value and the metric tag are the lower-case name. */
public enum RejectReason {
  /** Not Confluent-framed Avro (random bytes, a wrong magic byte), truncated or corrupt, or an empty value. */
  UNDECODABLE,
  /** The schema id in the framing is unknown to the registry. */
  UNKNOWN_SCHEMA_ID,
  /** The schema id is another record type's (a ticket's schema on the usage topic, say); the detail names both. */
  WRONG_RECORD_TYPE,
  /** The writer's schema lacks a field the contract requires. */
  MISSING_FIELD,
  /** An enum symbol the contract does not know. */
  UNKNOWN_ENUM_SYMBOL,
  /** A field's value breaks the contract (out-of-range score, negative amount, blank id...). */
  INVALID_FIELD,
  /** The record key is missing, empty, longer than {@link RawRecordChecks#MAX_KEY_BYTES} or not UTF-8. */
  INVALID_KEY,
  /** The record key is not the event's accountId, so it would land on the wrong partition's state. */
  KEY_MISMATCH,
  /** The value is larger than {@link RawRecordChecks#MAX_VALUE_BYTES}: no event of the contract is that big. */
  OVERSIZED,
  /** A tombstone (null value) on an event topic: events are never deleted. */
  TOMBSTONE,
  /** occurredAt is later than the record's timestamp by more than the allowed clock skew. */
  FUTURE_TIMESTAMP,
  /** occurredAt is older than the account's latest event time by more than the grace period. */
  TOO_LATE,
  /**
   * The event occurred at or before its account was erased (a tombstone on {@code vitals.accounts}): a straggler of
   * the erased account, which must not bring it back. Events that occurred later start a fresh account.
   */
  ERASED_ACCOUNT,
  /** A processor failed on the record (a defect, not bad input): dead-lettered so the pipeline goes on. */
  PROCESSING_ERROR;

  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
