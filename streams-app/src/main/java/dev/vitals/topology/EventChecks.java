package dev.vitals.topology;

import dev.vitals.events.EventValidator;
import dev.vitals.events.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The checks an event passes wherever it enters, the topology's intake or {@code replay}, with the one wording both
 * report: a broken contract, and an event time too far after its record's timestamp.
 */
public final class EventChecks {
  private EventChecks() {}

  /** Why an input was refused: the reason (its tag is the header value and metric label) and one line of detail. */
  public record Refusal(RejectReason reason, String detail) {
    /** {@code reason: detail}, as replay prints it. */
    public String line() {
      return reason.tag() + ": " + detail;
    }
  }

  /** The contract's content rules (ranges, blanks, dates), via {@code validator}. */
  public static Optional<Refusal> invalidField(SpecificRecord event, EventValidator validator) {
    Optional<Violation> violation = validator.validate(event);
    return violation.map(v -> new Refusal(RejectReason.INVALID_FIELD, "field '" + v.field() + "': " + v.reason()));
  }

  /** An event time later than the record's timestamp plus the allowed clock skew. */
  public static Optional<Refusal> futureTimestamp(Instant occurredAt, Instant recordTimestamp, Duration maxSkew) {
    if (!occurredAt.isAfter(recordTimestamp.plus(maxSkew))) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(RejectReason.FUTURE_TIMESTAMP, "occurredAt " + occurredAt
        + " is after the record timestamp " + recordTimestamp + " plus the allowed skew " + maxSkew));
  }
}
