package dev.vitals.events;

import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.UsageEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The six input event types (SPEC §2) and what every one of them carries: eventId, accountId and
 * occurredAt.
 *
 * <p>The pipeline needs those three on every event (de-duplication, keying, event time), so the
 * accessors here are a plain type test and a getter call rather than a schema lookup or
 * reflection per event.
 */
public enum EventType {
  USAGE("usage", UsageEvent.getClassSchema(), UsageEvent::new),
  TICKET("ticket", TicketEvent.getClassSchema(), TicketEvent::new),
  BILLING("billing", BillingEvent.getClassSchema(), BillingEvent::new),
  SURVEY("survey", SurveyResponse.getClassSchema(), SurveyResponse::new),
  ACCOUNT("account", AccountProfile.getClassSchema(), AccountProfile::new),
  COST("cost", CostEntry.getClassSchema(), CostEntry::new);

  private static final List<EventType> ALL = List.of(values());

  private final String jsonName;
  private final Schema schema;
  private final Supplier<SpecificRecord> emptyRecord;

  EventType(String jsonName, Schema schema, Supplier<SpecificRecord> emptyRecord) {
    this.jsonName = jsonName;
    this.schema = schema;
    this.emptyRecord = emptyRecord;
  }

  /** The value of {@code "type"} in the JSON-lines format. */
  public String jsonName() {
    return jsonName;
  }

  /** The Avro schema of the generated record class. */
  public Schema schema() {
    return schema;
  }

  /** A new, empty record of this type, to be filled field by field (used by the JSON codec). */
  SpecificRecord newRecord() {
    return emptyRecord.get();
  }

  /** The JSON names of all types, comma-separated, for error messages. */
  public static String jsonNames() {
    return ALL.stream().map(EventType::jsonName).collect(Collectors.joining(", "));
  }

  public static Optional<EventType> fromJsonName(String name) {
    return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
  }

  /**
   * The type of a decoded event.
   *
   * @throws IllegalArgumentException for a record that is not one of the six input events
   */
  public static EventType of(SpecificRecord event) {
    if (event instanceof UsageEvent) {
      return USAGE;
    } else if (event instanceof TicketEvent) {
      return TICKET;
    } else if (event instanceof BillingEvent) {
      return BILLING;
    } else if (event instanceof SurveyResponse) {
      return SURVEY;
    } else if (event instanceof AccountProfile) {
      return ACCOUNT;
    } else if (event instanceof CostEntry) {
      return COST;
    }
    throw new IllegalArgumentException(
        "not a Vitals input event: " + (event == null ? "null" : event.getClass().getName()));
  }

  public static String eventId(SpecificRecord event) {
    return switch (of(event)) {
      case USAGE -> ((UsageEvent) event).getEventId();
      case TICKET -> ((TicketEvent) event).getEventId();
      case BILLING -> ((BillingEvent) event).getEventId();
      case SURVEY -> ((SurveyResponse) event).getEventId();
      case ACCOUNT -> ((AccountProfile) event).getEventId();
      case COST -> ((CostEntry) event).getEventId();
    };
  }

  /** The record key: the account, or for a {@link CostEntry} the cost centre's name. */
  public static String accountId(SpecificRecord event) {
    return switch (of(event)) {
      case USAGE -> ((UsageEvent) event).getAccountId();
      case TICKET -> ((TicketEvent) event).getAccountId();
      case BILLING -> ((BillingEvent) event).getAccountId();
      case SURVEY -> ((SurveyResponse) event).getAccountId();
      case ACCOUNT -> ((AccountProfile) event).getAccountId();
      case COST -> ((CostEntry) event).getAccountId();
    };
  }

  /** Event time. */
  public static Instant occurredAt(SpecificRecord event) {
    return switch (of(event)) {
      case USAGE -> ((UsageEvent) event).getOccurredAt();
      case TICKET -> ((TicketEvent) event).getOccurredAt();
      case BILLING -> ((BillingEvent) event).getOccurredAt();
      case SURVEY -> ((SurveyResponse) event).getOccurredAt();
      case ACCOUNT -> ((AccountProfile) event).getOccurredAt();
      case COST -> ((CostEntry) event).getOccurredAt();
    };
  }
}
