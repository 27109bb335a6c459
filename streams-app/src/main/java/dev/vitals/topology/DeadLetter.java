package dev.vitals.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

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
    byte[] value) {

  /** {@code base} plus the dead-letter headers: reason, detail and source coordinates. */
  public Headers headers(Headers base) {
    Headers headers = new RecordHeaders(base == null ? new Header[0] : base.toArray());
    put(headers, DeadLetterHeaders.REASON, reason.tag());
    put(headers, DeadLetterHeaders.DETAIL, detail);
    put(headers, DeadLetterHeaders.SOURCE_TOPIC, sourceTopic);
    put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(sourcePartition));
    put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(sourceOffset));
    return headers;
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
