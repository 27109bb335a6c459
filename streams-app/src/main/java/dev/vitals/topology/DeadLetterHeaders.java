package dev.vitals.topology;

/** The headers every dead letter carries: why it was rejected and where it came from. */
public final class DeadLetterHeaders {
  /** The {@link RejectReason} tag, e.g. {@code invalid_field}. */
  public static final String REASON = "vitals.dlq.reason";
  /** One line naming the field or value at fault. */
  public static final String DETAIL = "vitals.dlq.detail";
  public static final String SOURCE_TOPIC = "vitals.dlq.source.topic";
  public static final String SOURCE_PARTITION = "vitals.dlq.source.partition";
  public static final String SOURCE_OFFSET = "vitals.dlq.source.offset";

  private DeadLetterHeaders() {}
}
