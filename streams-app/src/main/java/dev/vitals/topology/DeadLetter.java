package dev.vitals.topology;

/**
 * A rejected input record on its way to the dead-letter topic: the original bytes, so it can be fixed and replayed,
 * and where it came from and why.
 */
public record DeadLetter(
    RejectReason reason,
    String detail,
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    byte[] key,
    byte[] value) {}
