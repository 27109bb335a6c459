package dev.vitals.testing;

import dev.vitals.topology.RejectReason;

/** One bad input record as a raw producer sends it (key and value bytes, either may be null), and its fate. */
public record BadRecord(BadInput kind, String topic, byte[] key, byte[] value) {

  /** The reason header its dead letter must carry. */
  public RejectReason reason() {
    return kind.reason();
  }
}
