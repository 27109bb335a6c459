package dev.vitals.events;

import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Content rules for a decoded input event, whichever way it arrived (Avro or JSON lines): the
 * schema says a score is an int, this says an NPS score is 0 to 10.
 *
 * <p>It returns the first rule broken, so the dead-letter reason is one clear sentence. It has no
 * clock: "too far in the future" depends on the stream time and belongs to the pipeline.
 * Stateless and thread-safe.
 */
public final class EventValidator {

  public Optional<Violation> validate(SpecificRecord event) {
    EventType type = EventType.of(event);
    Optional<Violation> common = firstOf(
        blank("eventId", EventType.eventId(event)),
        id("accountId", EventType.accountId(event)),
        missing("occurredAt", EventType.occurredAt(event)));
    if (common.isPresent()) {
      return common;
    }
    return switch (type) {
      case USAGE -> usage((UsageEvent) event);
      case TICKET -> ticket((TicketEvent) event);
      case BILLING -> billing((BillingEvent) event);
      case SURVEY -> survey((SurveyResponse) event);
      case ACCOUNT -> account((AccountProfile) event);
      case COST -> cost((CostEntry) event);
    };
  }

  private static Optional<Violation> usage(UsageEvent event) {
    if (event.getKind() == null) {
      return violation("kind", "kind is missing");
    }
    if (event.getCount() < 0) {
      return violation("count", "count " + event.getCount() + " is negative");
    }
    if (event.getErrorCount() < 0) {
      return violation("errorCount", "errorCount " + event.getErrorCount() + " is negative");
    }
    if (event.getKind() == UsageKind.API_CALL && event.getErrorCount() > event.getCount()) {
      return violation("errorCount", "errorCount " + event.getErrorCount() + " exceeds count "
          + event.getCount() + " for API_CALL");
    }
    return Optional.empty();
  }

  private static Optional<Violation> ticket(TicketEvent event) {
    return firstOf(
        blank("ticketId", event.getTicketId()),
        missing("kind", event.getKind()));
  }

  private static Optional<Violation> billing(BillingEvent event) {
    if (event.getKind() == null) {
      return violation("kind", "kind is missing");
    }
    Long mrr = event.getMrrCents();
    if (mrr != null && mrr < 0) {
      return violation("mrrCents", "mrrCents " + mrr + " is negative");
    }
    if (event.getSeats() != null && event.getSeats() < 0) {
      return violation("seats", "seats " + event.getSeats() + " is negative");
    }
    if (event.getAmountCents() != null && event.getAmountCents() < 0) {
      return violation("amountCents", "amountCents " + event.getAmountCents() + " is negative");
    }
    // MRR after a cancellation is 0 by definition; a positive value would corrupt churn figures.
    if (event.getKind() == BillingEventKind.CANCELLED && mrr != null && mrr > 0) {
      return violation("mrrCents", "CANCELLED must leave mrrCents at 0, got " + mrr);
    }
    return Optional.empty();
  }

  private static Optional<Violation> survey(SurveyResponse event) {
    Optional<Violation> present = firstOf(
        blank("respondentId", event.getRespondentId()),
        missing("survey", event.getSurvey()));
    if (present.isPresent()) {
      return present;
    }
    int low;
    int high;
    switch (event.getSurvey()) {
      case NPS -> {
        low = 0;
        high = 10;
      }
      case CES -> {
        low = 1;
        high = 7;
      }
      default -> { // CSAT and RESOURCE are both 1-5 ratings
        low = 1;
        high = 5;
      }
    }
    if (event.getScore() < low || event.getScore() > high) {
      return violation("score", "score " + event.getScore() + " out of range " + low + "-" + high
          + " for " + event.getSurvey());
    }
    return Optional.empty();
  }

  private static Optional<Violation> account(AccountProfile event) {
    return firstOf(
        blank("name", event.getName()),
        missing("segment", event.getSegment()));
  }

  private static Optional<Violation> cost(CostEntry event) {
    Optional<Violation> present = firstOf(
        missing("centre", event.getCentre()),
        missing("month", event.getMonth()));
    if (present.isPresent()) {
      return present;
    }
    if (event.getAmountCents() < 0) {
      return violation("amountCents", "amountCents " + event.getAmountCents() + " is negative");
    }
    if (event.getMonth().getDayOfMonth() != 1) {
      return violation("month", "month " + event.getMonth() + " is not the first day of a month");
    }
    if (event.getNewAccounts() != null && event.getNewAccounts() < 0) {
      return violation("newAccounts", "newAccounts " + event.getNewAccounts() + " is negative");
    }
    return Optional.empty();
  }

  private static Optional<Violation> blank(String field, CharSequence value) {
    if (value == null) {
      return violation(field, field + " is missing");
    }
    return value.toString().isBlank() ? violation(field, field + " is blank") : Optional.empty();
  }

  /**
   * An id: present, not blank, and printable. State keys join an account id and an entry's name with a control
   * character (U+001F), so an id holding one could reach into another account's entries (erasing {@code a} would
   * erase {@code a<U+001F>b}'s too); no real id has one.
   */
  private static Optional<Violation> id(String field, CharSequence value) {
    Optional<Violation> blank = blank(field, value);
    if (blank.isPresent()) {
      return blank;
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return violation(field, String.format("%s has a control character (U+%04X) at index %d", field,
            (int) value.charAt(i), i));
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> missing(String field, Object value) {
    return value == null ? violation(field, field + " is missing") : Optional.empty();
  }

  @SafeVarargs
  private static Optional<Violation> firstOf(Optional<Violation>... checks) {
    for (Optional<Violation> check : checks) {
      if (check.isPresent()) {
        return check;
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> violation(String field, String reason) {
    return Optional.of(new Violation(field, reason));
  }
}
