package dev.vitals.testing;

import dev.vitals.events.EventType;
import dev.vitals.topology.RejectReason;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of bad input the corpus makes ({@link BadInputCorpus}), each with the dead-letter reason Vitals must give
 * it and the input topics it can occur on (scores only on surveys; tombstones not on the compacted profiles, where
 * they mean erasure; too-late events only where an account's event time is kept, not on costs).
 */
public enum BadInput {
  RANDOM_BYTES(RejectReason.UNDECODABLE),
  EMPTY_VALUE(RejectReason.UNDECODABLE),
  TRUNCATED_AVRO(RejectReason.UNDECODABLE),
  WRONG_MAGIC_BYTE(RejectReason.UNDECODABLE),
  UNKNOWN_SCHEMA_ID(RejectReason.UNKNOWN_SCHEMA_ID),
  OTHER_RECORD_TYPE(RejectReason.WRONG_RECORD_TYPE),
  MISSING_FIELD(RejectReason.MISSING_FIELD),
  UNKNOWN_ENUM_SYMBOL(RejectReason.UNKNOWN_ENUM_SYMBOL),
  OUT_OF_RANGE_SCORE(RejectReason.INVALID_FIELD, EnumSet.of(EventType.SURVEY)),
  NEGATIVE_AMOUNT(RejectReason.INVALID_FIELD, EnumSet.of(EventType.USAGE, EventType.BILLING, EventType.COST)),
  FUTURE_TIMESTAMP(RejectReason.FUTURE_TIMESTAMP),
  TOO_LATE(RejectReason.TOO_LATE, EnumSet.complementOf(EnumSet.of(EventType.COST))),
  /** Not on the compacted profiles: the broker itself refuses a record without a key there. */
  MISSING_KEY(RejectReason.INVALID_KEY, EnumSet.complementOf(EnumSet.of(EventType.ACCOUNT))),
  EMPTY_KEY(RejectReason.INVALID_KEY),
  OVERSIZED_KEY(RejectReason.INVALID_KEY),
  NON_UTF8_KEY(RejectReason.INVALID_KEY),
  KEY_MISMATCH(RejectReason.KEY_MISMATCH),
  /** Few of them: each is over 64 KiB, and the dead-letter topic keeps it whole. */
  OVERSIZED_RECORD(RejectReason.OVERSIZED, EnumSet.allOf(EventType.class), 1),
  TOMBSTONE(RejectReason.TOMBSTONE, EnumSet.complementOf(EnumSet.of(EventType.ACCOUNT)));

  private static final int USUAL_WEIGHT = 10;

  private final RejectReason reason;
  private final Set<EventType> topics;
  private final int weight;

  BadInput(RejectReason reason) {
    this(reason, EnumSet.allOf(EventType.class));
  }

  BadInput(RejectReason reason, Set<EventType> topics) {
    this(reason, topics, USUAL_WEIGHT);
  }

  BadInput(RejectReason reason, Set<EventType> topics, int weight) {
    this.reason = reason;
    this.topics = topics;
    this.weight = weight;
  }

  /** The reason header the dead letter must carry. */
  public RejectReason reason() {
    return reason;
  }

  /** Whether this kind of bad input can occur on the topic of {@code type}. */
  public boolean occursOn(EventType type) {
    return topics.contains(type);
  }

  /** How often, relative to the others, the corpus makes it. */
  int weight() {
    return weight;
  }

  /** Whether it must follow a good event of the same account on the same partition (the order must be certain). */
  public boolean needsEarlierEvent() {
    return this == TOO_LATE;
  }
}
