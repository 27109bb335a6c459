package dev.vitals.topology;

import dev.vitals.events.EventType;
import dev.vitals.events.EventValidator;
import dev.vitals.serde.AvroDecodeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The first step for every input topic: decode the Confluent-framed Avro bytes, check the contract, and either
 * accept the event or dead-letter the record with the reason. Decoding happens here rather than in the source's
 * serde so that a bad record is a routed outcome with its coordinates, not an exception handler's afterthought.
 * A registry outage is not the record's fault: that exception propagates and the task retries, nothing is dropped.
 */
final class EventIntake<V extends SpecificRecord> implements Processor<byte[], byte[], String, Intake> {
  private final Deserializer<V> decoder;
  private final EventValidator validator;
  private final Duration maxFutureSkew;
  private final String name;
  /**
   * True on {@code vitals.accounts} alone, where a tombstone erases the account it is keyed by; on every other
   * input topic a tombstone is refused, as events are never deleted.
   */
  private final boolean tombstonesErase;
  private final RawRecordChecks raw = new RawRecordChecks();
  private ProcessorContext<String, Intake> context;
  private PipelineSensors sensors;

  EventIntake(Deserializer<V> decoder, EventValidator validator, Duration maxFutureSkew, String name,
      boolean tombstonesErase) {
    this.decoder = decoder;
    this.validator = validator;
    this.maxFutureSkew = maxFutureSkew;
    this.name = name;
    this.tombstonesErase = tombstonesErase;
  }

  @Override
  public void init(ProcessorContext<String, Intake> context) {
    this.context = context;
    this.sensors = new PipelineSensors(context.metrics());
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(name);
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    Intake intake = examine(record, key, topic);
    if (intake instanceof Intake.Rejected rejected) {
      sensors.rejected(topic, rejected.deadLetter().reason());
    } else {
      sensors.accepted(topic);
    }
    context.forward(record.withKey(key).withValue(intake));
  }

  private Intake examine(Record<byte[], byte[]> record, String key, String topic) {
    if (tombstonesErase && record.value() == null) {
      return erasure(record, key);
    }
    if (record.value() == null) {
      return reject(record, RejectReason.TOMBSTONE, "tombstone on an event topic: events are never deleted");
    }
    Optional<EventChecks.Refusal> badKey = raw.invalidKey(record.key());
    if (badKey.isPresent()) {
      return reject(record, badKey.get());
    }
    if (record.value().length == 0) {
      return reject(record, RejectReason.UNDECODABLE, "empty value");
    }
    Optional<EventChecks.Refusal> oversized = raw.oversized(record.value());
    if (oversized.isPresent()) {
      return reject(record, oversized.get());
    }
    V event;
    try {
      event = decoder.deserialize(topic, record.headers(), record.value());
    } catch (AvroDecodeException e) {
      return reject(record, DecodeReasons.of(e.reason()), e.detail());
    }
    Optional<EventChecks.Refusal> invalid = EventChecks.invalidField(event, validator);
    if (invalid.isPresent()) {
      return reject(record, invalid.get());
    }
    String accountId = EventType.accountId(event);
    if (!accountId.equals(key)) {
      return reject(record, RejectReason.KEY_MISMATCH,
          "record key '" + key + "' is not the event's accountId '" + accountId + "'");
    }
    Instant occurredAt = EventType.occurredAt(event);
    Optional<EventChecks.Refusal> future =
        EventChecks.futureTimestamp(occurredAt, Instant.ofEpochMilli(record.timestamp()), maxFutureSkew);
    if (future.isPresent()) {
      return reject(record, future.get());
    }
    return new Intake.Accepted(new InboundEvent(accountId, EventType.eventId(event), occurredAt, event,
        record.key(), record.value()));
  }

  /**
   * A tombstone on the accounts topic: the request to erase the account it is keyed by, as of its record timestamp.
   * It has no eventId, so de-duplication lets it through; replaying it is harmless, an erasure is idempotent.
   */
  private Intake erasure(Record<byte[], byte[]> record, String key) {
    if (key == null || key.isBlank()) {
      return reject(record, RejectReason.INVALID_FIELD,
          "tombstone without an account id as key: there is no account to erase");
    }
    return new Intake.Accepted(InboundEvent.erasure(key, Instant.ofEpochMilli(record.timestamp()), record.key()));
  }

  private Intake reject(Record<byte[], byte[]> record, EventChecks.Refusal refusal) {
    return reject(record, refusal.reason(), refusal.detail());
  }

  private Intake reject(Record<byte[], byte[]> record, RejectReason reason, String detail) {
    return new Intake.Rejected(DeadLetters.of(context, reason, detail, record.key(), record.value()));
  }
}
