package dev.vitals.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
    Headers headers = new RecordHeaders(record.headers().toArray());
    put(headers, DeadLetterHeaders.REASON, letter.reason().tag());
    put(headers, DeadLetterHeaders.DETAIL, letter.detail());
    put(headers, DeadLetterHeaders.SOURCE_TOPIC, letter.sourceTopic());
    put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(letter.sourcePartition()));
    put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(letter.sourceOffset()));
    context.forward(new Record<>(letter.key(), letter.value(), record.timestamp(), headers));
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
