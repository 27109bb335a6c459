package dev.vitals.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.time.LocalDate;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {
  private final EventValidator validator = new EventValidator();

  static java.util.stream.Stream<SpecificRecord> everyType() {
    return SampleEvents.all().stream();
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void wellFormedEventOfEveryTypePasses(SpecificRecord event) {
    assertThat(validator.validate(event)).isEmpty();
  }

  @Test
  void blankEventIdIsAViolation() {
    UsageEvent event = SampleEvents.usage();
    event.setEventId(" ");

    assertThat(validator.validate(event)).contains(new Violation("eventId", "eventId is blank"));
  }

  @Test
  void blankAccountIdIsAViolation() {
    TicketEvent event = SampleEvents.ticket();
    event.setAccountId("");

    assertThat(validator.validate(event)).contains(new Violation("accountId", "accountId is blank"));
  }

  @Test
  void accountIdWithTheLedgerKeySeparatorIsAViolation() {
    TicketEvent event = SampleEvents.ticket();
    event.setAccountId("acc-1\u001Fsummary");

    assertThat(validator.validate(event)).contains(
        new Violation("accountId", "accountId has a control character (U+001F) at index 5"));
  }

  @Test
  void accountIdWithLettersBeyondAsciiIsValid() {
    TicketEvent event = SampleEvents.ticket();
    event.setAccountId("société-générale");

    assertThat(validator.validate(event)).isEmpty();
  }

  @ParameterizedTest(name = "{0} score {1} is rejected")
  @CsvSource({"NPS,11,0-10", "NPS,-1,0-10", "CSAT,0,1-5", "CSAT,6,1-5", "CES,0,1-7", "CES,8,1-7",
      "RESOURCE,0,1-5", "RESOURCE,6,1-5"})
  void surveyScoreOutsideItsKindsRangeIsAViolation(SurveyKind kind, int score, String range) {
    SurveyResponse event = SampleEvents.survey();
    event.setSurvey(kind);
    event.setScore(score);

    assertThat(validator.validate(event))
        .contains(new Violation("score", "score " + score + " out of range " + range + " for " + kind));
  }

  @ParameterizedTest(name = "{0} score {1} is accepted")
  @CsvSource({"NPS,0", "NPS,10", "CSAT,1", "CSAT,5", "CES,1", "CES,7", "RESOURCE,1", "RESOURCE,5"})
  void surveyScoreAtTheEdgesOfItsRangePasses(SurveyKind kind, int score) {
    SurveyResponse event = SampleEvents.survey();
    event.setSurvey(kind);
    event.setScore(score);

    assertThat(validator.validate(event)).isEmpty();
  }

  @Test
  void blankRespondentIsAViolation() {
    SurveyResponse event = SampleEvents.survey();
    event.setRespondentId("");

    assertThat(validator.validate(event)).contains(new Violation("respondentId", "respondentId is blank"));
  }

  @Test
  void negativeUsageCountIsAViolation() {
    UsageEvent event = SampleEvents.usage();
    event.setCount(-1);

    assertThat(validator.validate(event)).contains(new Violation("count", "count -1 is negative"));
  }

  @Test
  void negativeErrorCountIsAViolation() {
    UsageEvent event = SampleEvents.usage();
    event.setErrorCount(-2);

    assertThat(validator.validate(event)).contains(new Violation("errorCount", "errorCount -2 is negative"));
  }

  @Test
  void apiCallWithMoreErrorsThanCallsIsAViolation() {
    UsageEvent event = SampleEvents.usage();
    event.setCount(5);
    event.setErrorCount(6);

    assertThat(validator.validate(event))
        .contains(new Violation("errorCount", "errorCount 6 exceeds count 5 for API_CALL"));
  }

  @Test
  void apiCallWhereEveryCallFailedPasses() {
    UsageEvent event = SampleEvents.usage();
    event.setCount(5);
    event.setErrorCount(5);

    assertThat(validator.validate(event)).isEmpty();
  }

  @Test
  void loginWithZeroCountPasses() {
    UsageEvent event = SampleEvents.usage();
    event.setKind(UsageKind.LOGIN);
    event.setCount(0);
    event.setErrorCount(0);

    assertThat(validator.validate(event)).isEmpty();
  }

  @Test
  void negativeMrrIsAViolation() {
    BillingEvent event = SampleEvents.billing();
    event.setMrrCents(-100L);

    assertThat(validator.validate(event)).contains(new Violation("mrrCents", "mrrCents -100 is negative"));
  }

  @Test
  void negativeSeatsIsAViolation() {
    BillingEvent event = SampleEvents.billing();
    event.setSeats(-3);

    assertThat(validator.validate(event)).contains(new Violation("seats", "seats -3 is negative"));
  }

  @Test
  void negativeInvoiceAmountIsAViolation() {
    BillingEvent event = SampleEvents.billing();
    event.setKind(BillingEventKind.INVOICE_PAID);
    event.setAmountCents(-1L);

    assertThat(validator.validate(event)).contains(new Violation("amountCents", "amountCents -1 is negative"));
  }

  @Test
  void cancellationThatKeepsMrrIsAViolation() {
    BillingEvent event = SampleEvents.billing();
    event.setKind(BillingEventKind.CANCELLED);
    event.setMrrCents(1000L);

    assertThat(validator.validate(event))
        .contains(new Violation("mrrCents", "CANCELLED must leave mrrCents at 0, got 1000"));
  }

  @Test
  void cancellationToZeroMrrPasses() {
    BillingEvent event = SampleEvents.billing();
    event.setKind(BillingEventKind.CANCELLED);
    event.setMrrCents(0L);

    assertThat(validator.validate(event)).isEmpty();
  }

  @Test
  void billingWithoutOptionalFiguresPasses() {
    BillingEvent event = SampleEvents.billing();
    event.setMrrCents(null);
    event.setSeats(null);
    event.setAmountCents(null);

    assertThat(validator.validate(event)).isEmpty();
  }

  @Test
  void blankTicketIdIsAViolation() {
    TicketEvent event = SampleEvents.ticket();
    event.setTicketId(" ");

    assertThat(validator.validate(event)).contains(new Violation("ticketId", "ticketId is blank"));
  }

  @Test
  void negativeCostIsAViolation() {
    CostEntry event = SampleEvents.cost();
    event.setAmountCents(-5L);

    assertThat(validator.validate(event)).contains(new Violation("amountCents", "amountCents -5 is negative"));
  }

  @Test
  void costMonthThatIsNotTheFirstDayIsAViolation() {
    CostEntry event = SampleEvents.cost();
    event.setMonth(LocalDate.parse("2026-03-15"));

    assertThat(validator.validate(event))
        .contains(new Violation("month", "month 2026-03-15 is not the first day of a month"));
  }

  @Test
  void negativeNewAccountsIsAViolation() {
    CostEntry event = SampleEvents.cost();
    event.setNewAccounts(-1);

    assertThat(validator.validate(event)).contains(new Violation("newAccounts", "newAccounts -1 is negative"));
  }

  @Test
  void costWithoutNewAccountsPasses() {
    CostEntry event = SampleEvents.cost();
    event.setNewAccounts(null);

    assertThat(validator.validate(event)).isEmpty();
  }

  @Test
  void blankAccountNameIsAViolation() {
    AccountProfile event = SampleEvents.account();
    event.setName("  ");

    assertThat(validator.validate(event)).contains(new Violation("name", "name is blank"));
  }

  @Test
  void eventDecodedFromJsonIsValidatedTheSameWay() {
    // given an NPS answer of 11 that is well-formed JSON
    SpecificRecord event = new JsonEventCodec().parse("{\"type\":\"survey\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01T09:30:00Z\",\"respondentId\":\"u\",\"survey\":\"NPS\",\"score\":11}");

    // then decoding accepts it and the content rule rejects it
    assertThat(validator.validate(event)).contains(new Violation("score", "score 11 out of range 0-10 for NPS"));
  }
}
