package dev.vitals.topology;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds dead letters with the coordinates of the input record being processed. */
final class DeadLetters {
  private DeadLetters() {}

  static DeadLetter of(ProcessorContext<?, ?> context, RejectReason reason, String detail, byte[] key,
      byte[] value) {
    RecordMetadata source = context.recordMetadata().orElseThrow(
        () -> new IllegalStateException("dead letters are made while processing an input record"));
    return new DeadLetter(reason, detail, source.topic(), source.partition(), source.offset(), key, value);
  }
}
