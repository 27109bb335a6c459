package dev.vitals.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes of one record cannot be decoded. Retrying will not help: the record belongs in the
 * dead-letter topic, with {@link #reason()} as the reason. It is a Kafka {@link
 * SerializationException} so that code that only knows Kafka's exceptions still treats it as one.
 */
public class AvroDecodeException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final DecodeFailure reason;
  private final String detail;

  public AvroDecodeException(DecodeFailure reason, String detail) {
    this(reason, detail, null);
  }

  public AvroDecodeException(DecodeFailure reason, String detail, Throwable cause) {
    super(reason + ": " + detail, cause);
    this.reason = reason;
    this.detail = detail;
  }

  public DecodeFailure reason() {
    return reason;
  }

  /** One line for people: what was wrong, naming the topic, schema id and field where known. */
  public String detail() {
    return detail;
  }
}
