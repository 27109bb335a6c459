package dev.vitals.serde;

/**
 * Why a record's bytes could not be turned into a record. These are the reasons the dead-letter
 * topic and its metric report, so each is a property of the bytes and the schemas, never of the
 * infrastructure (a registry outage is a {@link SchemaRegistryUnavailableException} instead).
 */
public enum DecodeFailure {
  /** Empty, shorter than the 5-byte header, or a first byte other than the magic byte 0. */
  NOT_CONFLUENT_FRAMED,
  /** The registry has no schema with the id in the header. */
  UNKNOWN_SCHEMA_ID,
  /** The writer schema lacks a field that the reader requires and has no default for. */
  MISSING_FIELD,
  /**
   * The writer schema is another record type altogether (a TicketEvent's schema id on the usage topic, say):
   * every record of that writer is refused, even one whose fields happen to resolve.
   */
  WRONG_RECORD_TYPE,
  /** The record carries an enum symbol the reader does not know (and the enum has no default). */
  UNKNOWN_ENUM_SYMBOL,
  /** A truncated or corrupt body, trailing bytes, or any other schema-resolution error. */
  UNDECODABLE
}
