package dev.vitals.topology;

import dev.vitals.serde.DecodeFailure;

/** Maps the serde's decode failures onto dead-letter reasons. */
final class DecodeReasons {
  private DecodeReasons() {}

  static RejectReason of(DecodeFailure failure) {
    return switch (failure) {
      case UNKNOWN_SCHEMA_ID -> RejectReason.UNKNOWN_SCHEMA_ID;
      case WRONG_RECORD_TYPE -> RejectReason.WRONG_RECORD_TYPE;
      case MISSING_FIELD -> RejectReason.MISSING_FIELD;
      case UNKNOWN_ENUM_SYMBOL -> RejectReason.UNKNOWN_ENUM_SYMBOL;
      case NOT_CONFLUENT_FRAMED, UNDECODABLE -> RejectReason.UNDECODABLE;
    };
  }
}
