package dev.vitals.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Writes a dead letter as the original key and value bytes with headers naming the reason and the source
 * coordinates, so an operator can read why and replay the record once it is fixed.
 */
final class DeadLetterWriter implements Processor<String, DeadLetter, byte[], byte[]> {
  private ProcessorContext<byte[], byte[]> context;

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, DeadLetter> record) {
    DeadLetter letter = record.value();
    context.forward(new Record<>(letter.key(), letter.value(), record.timestamp(), letter.headers(record.headers())));
  }
}
