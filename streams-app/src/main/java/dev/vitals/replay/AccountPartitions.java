package dev.vitals.replay;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of an input topic an account's events land on: the producer's default partitioner for a keyed
 * record (murmur2 of the key's UTF-8 bytes, made positive, modulo the partition count), through the same Kafka
 * {@link Utils} the producer calls. Every input topic is keyed by accountId and has the same partition count, so
 * an account's events all meet in one stream task; replay needs to know which, because each task keeps its own
 * event clock.
 */
public final class AccountPartitions {
  private final int partitions;

  public AccountPartitions(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
    }
    this.partitions = partitions;
  }

  public int count() {
    return partitions;
  }

  /** The partition of {@code accountId}'s records. */
  public int of(String accountId) {
    return Utils.toPositive(Utils.murmur2(accountId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
