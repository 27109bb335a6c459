package dev.vitals.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketChannel;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketPriority;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonEventCodecTest {
  private final JsonEventCodec codec = new JsonEventCodec();

  static java.util.stream.Stream<SpecificRecord> everyType() {
    return SampleEvents.all().stream();
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void formattedEventParsesBackToAnEqualRecord(SpecificRecord event) {
    // given an event of each type, when it is formatted and parsed again
    String line = codec.format(event);
    SpecificRecord parsed = codec.parse(line);

    // then nothing is lost and the line is one line tagged with its type
    assertThat(parsed).isEqualTo(event);
    assertThat(line).doesNotContain("\n").startsWith("{\"type\":\"" + EventType.of(event).jsonName() + "\"");
    assertThat(codec.format(parsed)).isEqualTo(line);
  }

  @Test
  void formatWritesFieldsInSchemaOrderAndLeavesOutNulls() {
    // given a ticket without an agent
    TicketEvent ticket = SampleEvents.ticket();

    // when formatted
    String line = codec.format(ticket);

    // then the fields follow the schema and the null agentId is absent
    assertThat(line).isEqualTo("{\"type\":\"ticket\",\"eventId\":\"e-2\",\"accountId\":\"acc-1\","
        + "\"occurredAt\":\"2026-03-01T09:30:00Z\",\"ticketId\":\"T-1\",\"kind\":\"OPENED\",\"priority\":\"HIGH\","
        + "\"channel\":\"CHAT\",\"category\":\"bug\"}");
  }

  @Test
  void omittedFieldsTakeTheirAvroDefaults() {
    // given a minimal usage line and a minimal ticket line
    UsageEvent usage = (UsageEvent) codec.parse("{\"type\":\"usage\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01T09:30:00Z\",\"kind\":\"LOGIN\"}");
    TicketEvent ticket = (TicketEvent) codec.parse("{\"type\":\"ticket\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01T09:30:00Z\",\"ticketId\":\"T\",\"kind\":\"OPENED\",\"category\":null}");

    // then defaults and nulls are filled in
    assertThat(usage.getCount()).isEqualTo(1);
    assertThat(usage.getErrorCount()).isZero();
    assertThat(usage.getUserId()).isNull();
    assertThat(usage.getKind()).isEqualTo(UsageKind.LOGIN);
    assertThat(ticket.getPriority()).isEqualTo(TicketPriority.NORMAL);
    assertThat(ticket.getChannel()).isEqualTo(TicketChannel.WEB);
    assertThat(ticket.getCategory()).isNull();
  }

  @Test
  void billingDefaultsToUsdAndReadsDates() {
    // given a billing line without currency
    BillingEvent billing = (BillingEvent) codec.parse("{\"type\":\"billing\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01T09:30:00.123Z\",\"kind\":\"RENEWED\",\"renewalDate\":\"2027-03-01\"}");

    // then
    assertThat(billing.getCurrency()).isEqualTo("USD");
    assertThat(billing.getRenewalDate()).isEqualTo(LocalDate.parse("2027-03-01"));
    assertThat(billing.getOccurredAt()).isEqualTo(Instant.parse("2026-03-01T09:30:00.123Z"));
  }

  @Test
  void accountProfileWithoutKeyFeaturesHasAnEmptyList() {
    AccountProfile profile = (AccountProfile) codec.parse("{\"type\":\"account\",\"eventId\":\"e\","
        + "\"accountId\":\"a\",\"occurredAt\":\"2026-03-01T09:30:00Z\",\"name\":\"Acme\",\"segment\":\"SMB\"}");

    assertThat(profile.getKeyFeatures()).isEmpty();
  }

  @Test
  void instantsFinerThanMillisecondsAreTruncatedAsAvroWould() {
    SurveyResponse survey = (SurveyResponse) codec.parse("{\"type\":\"survey\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01T09:30:00.123456Z\",\"respondentId\":\"u\",\"survey\":\"CSAT\",\"score\":4}");

    assertThat(survey.getOccurredAt()).isEqualTo(Instant.parse("2026-03-01T09:30:00.123Z"));
  }

  @Test
  void textThatIsNotJsonIsRejectedAsAWholeLine() {
    InvalidEventException error = rejected("{\"type\": usage}");

    assertThat(error.field()).isNull();
    assertThat(error.getMessage()).startsWith("not JSON: ").contains("column");
  }

  @Test
  void jsonThatIsNotAnObjectIsRejectedAsAWholeLine() {
    InvalidEventException error = rejected("[1, 2]");

    assertThat(error.field()).isNull();
    assertThat(error.getMessage()).isEqualTo("expected a JSON object with a \"type\", got an array");
  }

  @Test
  void emptyLineIsRejected() {
    assertThat(rejected("  ").getMessage()).isEqualTo("empty line: expected a JSON object");
  }

  @Test
  void trailingContentAfterTheObjectIsRejected() {
    assertThat(rejected(line("\"kind\":\"LOGIN\"") + " {}").field()).isNull();
  }

  @Test
  void duplicateFieldIsRejected() {
    InvalidEventException error = rejected(line("\"kind\":\"LOGIN\",\"kind\":\"API_CALL\""));

    assertThat(error.getMessage()).contains("Duplicate field 'kind'");
  }

  @Test
  void missingTypeIsNamed() {
    InvalidEventException error = rejected("{\"eventId\":\"e\"}");

    assertThat(error.field()).isEqualTo("type");
    assertThat(error.getMessage())
        .isEqualTo("missing required field 'type' (one of usage, ticket, billing, survey, account, cost)");
  }

  @Test
  void unknownTypeListsTheAllowedOnes() {
    InvalidEventException error = rejected("{\"type\":\"usge\"}");

    assertThat(error.field()).isEqualTo("type");
    assertThat(error.getMessage())
        .isEqualTo("unknown type \"usge\"; allowed: usage, ticket, billing, survey, account, cost");
  }

  @Test
  void missingRequiredFieldIsNamed() {
    InvalidEventException error = rejected("{\"type\":\"usage\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01T09:30:00Z\"}");

    assertThat(error.field()).isEqualTo("kind");
    assertThat(error.getMessage()).isEqualTo("missing required field 'kind' for type usage");
  }

  @Test
  void nullInARequiredFieldIsRejected() {
    InvalidEventException error = rejected(line("\"kind\":null"));

    assertThat(error.field()).isEqualTo("kind");
    assertThat(error.getMessage()).isEqualTo("field 'kind' must not be null");
  }

  @Test
  void wrongJsonTypeIsNamedWithWhatWasExpected() {
    InvalidEventException error = rejected(line("\"kind\":\"LOGIN\",\"count\":\"five\""));

    assertThat(error.field()).isEqualTo("count");
    assertThat(error.getMessage()).isEqualTo("field 'count' must be an integer, got string \"five\"");
  }

  @Test
  void fractionalNumberInAnIntegerFieldIsRejected() {
    InvalidEventException error = rejected(line("\"kind\":\"LOGIN\",\"count\":2.5"));

    assertThat(error.field()).isEqualTo("count");
    assertThat(error.getMessage()).isEqualTo("field 'count' must be an integer, got number 2.5");
  }

  @Test
  void integerOutOfIntRangeIsRejected() {
    InvalidEventException error = rejected(line("\"kind\":\"LOGIN\",\"count\":3000000000"));

    assertThat(error.field()).isEqualTo("count");
    assertThat(error.getMessage()).contains("must be an integer between");
  }

  @Test
  void unparseableInstantIsNamed() {
    InvalidEventException error = rejected("{\"type\":\"usage\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01 09:30\",\"kind\":\"LOGIN\"}");

    assertThat(error.field()).isEqualTo("occurredAt");
    assertThat(error.getMessage())
        .isEqualTo("field 'occurredAt' is not an ISO-8601 instant like 2026-03-01T09:30:00Z: \"2026-03-01 09:30\"");
  }

  @Test
  void epochMillisInsteadOfAnInstantIsRejected() {
    InvalidEventException error = rejected("{\"type\":\"usage\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":1772357400000,\"kind\":\"LOGIN\"}");

    assertThat(error.field()).isEqualTo("occurredAt");
    assertThat(error.getMessage()).contains("must be an ISO-8601 instant string");
  }

  @Test
  void unparseableDateIsNamed() {
    InvalidEventException error = rejected("{\"type\":\"billing\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01T09:30:00Z\",\"kind\":\"RENEWED\",\"renewalDate\":\"30/09/2026\"}");

    assertThat(error.field()).isEqualTo("renewalDate");
    assertThat(error.getMessage())
        .isEqualTo("field 'renewalDate' is not an ISO-8601 date like 2026-09-30: \"30/09/2026\"");
  }

  @Test
  void unknownEnumSymbolListsTheAllowedOnes() {
    InvalidEventException error = rejected(line("\"kind\":\"LOGON\""));

    assertThat(error.field()).isEqualTo("kind");
    assertThat(error.getMessage()).isEqualTo("field 'kind' has unknown UsageKind symbol \"LOGON\"; "
        + "allowed: LOGIN, FEATURE_USED, API_CALL, DOC_VIEWED, MILESTONE");
  }

  @Test
  void unknownFieldIsRejectedWithASuggestion() {
    InvalidEventException error = rejected(line("\"kind\":\"LOGIN\",\"cont\":3"));

    assertThat(error.field()).isEqualTo("cont");
    assertThat(error.getMessage()).isEqualTo("unknown field 'cont' for type usage (did you mean 'count'?)");
  }

  @Test
  void misspeltRequiredFieldIsReportedAsUnknownNotMissing() {
    InvalidEventException error = rejected("{\"type\":\"usage\",\"eventID\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01T09:30:00Z\",\"kind\":\"LOGIN\"}");

    assertThat(error.field()).isEqualTo("eventID");
    assertThat(error.getMessage()).isEqualTo("unknown field 'eventID' for type usage (did you mean 'eventId'?)");
  }

  @Test
  void unrelatedUnknownFieldListsTheKnownFields() {
    InvalidEventException error = rejected(line("\"kind\":\"LOGIN\",\"browser\":\"firefox\""));

    assertThat(error.getMessage()).isEqualTo("unknown field 'browser' for type usage; known fields: "
        + "eventId, accountId, occurredAt, userId, kind, feature, count, errorCount");
  }

  @Test
  void nonStringArrayElementIsNamedByIndex() {
    InvalidEventException error = rejected("{\"type\":\"account\",\"eventId\":\"e\",\"accountId\":\"a\","
        + "\"occurredAt\":\"2026-03-01T09:30:00Z\",\"name\":\"Acme\",\"segment\":\"SMB\",\"keyFeatures\":[\"x\",7]}");

    assertThat(error.field()).isEqualTo("keyFeatures[1]");
    assertThat(error.getMessage()).isEqualTo("field 'keyFeatures[1]' must be a string, got number 7");
  }

  private static String line(String fields) {
    return "{\"type\":\"usage\",\"eventId\":\"e\",\"accountId\":\"a\",\"occurredAt\":\"2026-03-01T09:30:00Z\","
        + fields + "}";
  }

  private InvalidEventException rejected(String line) {
    InvalidEventException error = catchThrowableOfType(InvalidEventException.class, () -> codec.parse(line));
    assertThat(error).as("expected %s to be rejected", line).isNotNull();
    assertThat(error.getMessage()).doesNotContain("\n");
    return error;
  }

  @Test
  void shouldReadAnErasureLineAndWriteItBackTheSame() {
    InputLine.Erasure erasure = new InputLine.Erasure("acme", java.time.Instant.parse("2026-03-01T00:00:00Z"));

    String line = codec.format(erasure);

    assertThat(line).isEqualTo("{\"type\":\"erasure\",\"accountId\":\"acme\",\"erasedAt\":\"2026-03-01T00:00:00Z\"}");
    assertThat(codec.read(line)).isEqualTo(erasure);
  }

  @Test
  void shouldReadAnEventLineAsAnEventAndRefuseAnErasureWhereOnlyEventsAreExpected() {
    String event = codec.format(SampleEvents.all().get(0));

    assertThat(codec.read(event)).isEqualTo(new InputLine.Event(SampleEvents.all().get(0)));
    InvalidEventException refused = catchThrowableOfType(InvalidEventException.class,
        () -> codec.parse("{\"type\":\"erasure\",\"accountId\":\"acme\",\"erasedAt\":\"2026-03-01T00:00:00Z\"}"));
    assertThat(refused.field()).isEqualTo("type");
  }

  @Test
  void shouldNameTheFieldAtFaultInAnErasureLine() {
    InvalidEventException unknown = catchThrowableOfType(InvalidEventException.class,
        () -> codec.read("{\"type\":\"erasure\",\"accountId\":\"acme\",\"erasedAt\":\"2026-03-01T00:00:00Z\",\"why\":1}"));
    InvalidEventException blank = catchThrowableOfType(InvalidEventException.class,
        () -> codec.read("{\"type\":\"erasure\",\"accountId\":\" \",\"erasedAt\":\"2026-03-01T00:00:00Z\"}"));

    assertThat(unknown.field()).isEqualTo("why");
    assertThat(blank.field()).isEqualTo("accountId");
  }
}
