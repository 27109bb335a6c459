package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.login;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.UsageEvent;
import dev.vitals.testing.PipelineDriver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5: every bad input goes to vitals.dlq with its original bytes and headers naming the reason, the detail and
 * the source coordinates, is counted by topic and reason, and does not stop the pipeline.
 */
class DeadLetterTest {
  private static final String SURVEYS = "vitals.surveys";
  private static final String USAGE = "vitals.usage";
  private static final String SURVEYS_SUBJECT = "vitals.surveys-value";

  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldDeadLetterBytesThatAreNotConfluentFramed() {
    byte[] garbage = "{\"accountId\": \"acme\"}".getBytes(StandardCharsets.UTF_8);

    pipeline.sendRaw(USAGE, "acme", garbage);

    assertSingleDeadLetter(USAGE, 0, "undecodable", garbage);
  }

  @Test
  void shouldDeadLetterAnUnknownSchemaId() {
    byte[] unknownId = framed(9999, new byte[] {2, 'x'});

    pipeline.sendRaw(USAGE, "acme", unknownId);

    TestRecord<byte[], byte[]> letter = assertSingleDeadLetter(USAGE, 0, "unknown_schema_id", unknownId);
    assertThat(header(letter, DeadLetterHeaders.DETAIL)).contains("9999");
  }

  @Test
  void shouldDeadLetterARecordWhoseWriterSchemaLacksARequiredField() {
    Schema withoutRespondent = surveyWriterSchema(false, "NPS", "CSAT", "CES", "RESOURCE");
    GenericRecord record = surveyRecord(withoutRespondent, "NPS");
    byte[] bytes = framed(pipeline.registry().register(SURVEYS_SUBJECT, withoutRespondent), avro(record));

    pipeline.send(answer("acme", "2026-03-01T10:00:00Z", "r0", SurveyKind.NPS, 9));     // offset 0, fine
    pipeline.sendRaw(SURVEYS, "acme", bytes);                                           // offset 1

    TestRecord<byte[], byte[]> letter = assertSingleDeadLetter(SURVEYS, 1, "missing_field", bytes);
    assertThat(header(letter, DeadLetterHeaders.DETAIL)).contains("respondentId");
  }

  @Test
  void shouldDeadLetterAnEnumSymbolTheContractDoesNotKnow() {
    Schema withPulse = surveyWriterSchema(true, "NPS", "CSAT", "CES", "RESOURCE", "PULSE");
    GenericRecord record = surveyRecord(withPulse, "PULSE");
    byte[] bytes = framed(pipeline.registry().register(SURVEYS_SUBJECT, withPulse), avro(record));

    pipeline.sendRaw(SURVEYS, "acme", bytes);

    TestRecord<byte[], byte[]> letter = assertSingleDeadLetter(SURVEYS, 0, "unknown_enum_symbol", bytes);
    assertThat(header(letter, DeadLetterHeaders.DETAIL)).contains("PULSE");
  }

  @Test
  void shouldStillReadAWriterWithAnExtraEnumSymbolWhenTheRecordUsesAKnownOne() {
    Schema withPulse = surveyWriterSchema(true, "NPS", "CSAT", "CES", "RESOURCE", "PULSE");
    byte[] bytes = framed(pipeline.registry().register(SURVEYS_SUBJECT, withPulse), avro(surveyRecord(withPulse,
        "NPS")));

    pipeline.sendRaw(SURVEYS, "acme", bytes).flush();

    assertThat(pipeline.deadLetters()).isEmpty();
    assertThat(pipeline.latestHealth().get("acme").getKpis().getNpsRespondents()).isEqualTo(1);
  }

  @Test
  void shouldDeadLetterAnOutOfRangeScoreAsInvalidField() {
    SurveyResponse eleven = answer("acme", "2026-03-01T10:00:00Z", "r1", SurveyKind.NPS, 11);

    pipeline.send(eleven);

    TestRecord<byte[], byte[]> letter =
        assertSingleDeadLetter(SURVEYS, 0, "invalid_field", pipeline.serialize(eleven));
    assertThat(header(letter, DeadLetterHeaders.DETAIL)).contains("score").contains("11");
  }

  @Test
  void shouldDeadLetterAnEventMoreThanAnHourAfterItsRecordTimestamp() {
    Instant producedAt = Instant.parse("2026-03-01T10:00:00Z");
    UsageEvent anHourAhead = login("acme", "2026-03-01T11:00:00Z", "ana");      // exactly the allowed skew
    UsageEvent beyond = login("acme", "2026-03-01T11:00:00.001Z", "bo");       // 1 ms beyond it

    pipeline.sendAt(anHourAhead, producedAt).sendAt(beyond, producedAt);
    // Records appended long before the pipeline's wall clock are a backlog: evaluated on fewer ticks.
    for (int tick = 0; tick < AccountHealthProcessor.BACKLOG_TICKS; tick++) {
      pipeline.flush();
    }

    assertSingleDeadLetter(USAGE, 1, "future_timestamp", pipeline.serialize(beyond));
    assertThat(pipeline.latestHealth().get("acme").getKpis().getActiveUsers30d()).isEqualTo(1);
  }

  @Test
  void shouldDeadLetterARecordKeyedByAnotherAccount() {
    byte[] acmeEvent = pipeline.serialize(login("acme", "2026-03-01T10:00:00Z", "ana"));

    pipeline.sendRaw(USAGE, "globex", acmeEvent).flush();

    TestRecord<byte[], byte[]> letter = assertSingleDeadLetter(USAGE, 0, "key_mismatch", acmeEvent);
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("globex");
    assertThat(pipeline.state("acme")).isNull();
    assertThat(pipeline.state("globex")).isNull();
  }

  @Test
  void shouldDeadLetterAnEmptyValue() {
    pipeline.sendRaw(USAGE, "acme", new byte[0]);

    assertSingleDeadLetter(USAGE, 0, "undecodable", new byte[0]);
  }

  @Test
  void shouldDeadLetterATombstoneRatherThanDropItSilently() {
    // On an event topic; on vitals.accounts a tombstone erases its account (AccountErasureTopologyTest).
    pipeline.sendRaw(USAGE, "acme", null);

    List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
    assertThat(letters).singleElement().satisfies(letter -> {
      assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(USAGE);
      assertThat(letter.value()).isNull();
    });
    assertThat(pipeline.counter("events-rejected-total", Map.of("topic", USAGE))).isEqualTo(1.0);
  }

  @Test
  void shouldKeepProcessingGoodEventsAfterBadOnes() {
    pipeline.sendRaw(USAGE, "acme", new byte[] {1, 2, 3})
        .sendRaw(USAGE, "acme", framed(9999, new byte[] {0}))
        .send(answer("acme", "2026-03-01T09:00:00Z", "r1", SurveyKind.CES, 0))
        .send(login("acme", "2026-03-01T10:00:00Z", "ana"))
        .flush();

    assertThat(pipeline.deadLetters()).hasSize(3);
    assertThat(pipeline.latestHealth().get("acme").getKpis().getActiveUsers30d()).isEqualTo(1);
    assertThat(pipeline.counter("events-rejected-total", Map.of())).isEqualTo(3.0);
    assertThat(pipeline.counter("events-accepted-total", Map.of("topic", USAGE))).isEqualTo(1.0);
  }

  @Test
  void shouldCountRejectionsByTopicAndReason() {
    pipeline.sendRaw(USAGE, "acme", new byte[] {1, 2, 3})
        .sendRaw(USAGE, "acme", new byte[] {4, 5, 6})
        .sendRaw(SURVEYS, "acme", new byte[] {7})
        .send(answer("acme", "2026-03-01T09:00:00Z", "r1", SurveyKind.CSAT, 6));

    assertThat(pipeline.counter("events-rejected-total", Map.of("topic", USAGE, "reason", "undecodable")))
        .isEqualTo(2.0);
    assertThat(pipeline.counter("events-rejected-total", Map.of("topic", SURVEYS, "reason", "undecodable")))
        .isEqualTo(1.0);
    assertThat(pipeline.counter("events-rejected-total", Map.of("topic", SURVEYS, "reason", "invalid_field")))
        .isEqualTo(1.0);
  }

  /** Exactly one dead letter, with the original bytes and the headers of SPEC §5, counted under its reason. */
  private TestRecord<byte[], byte[]> assertSingleDeadLetter(String topic, long offset, String reason, byte[] value) {
    List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
    assertThat(letters).hasSize(1);
    TestRecord<byte[], byte[]> letter = letters.get(0);
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(reason);
    assertThat(header(letter, DeadLetterHeaders.DETAIL)).isNotBlank();
    assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topic);
    assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo(Long.toString(offset));
    assertThat(letter.value()).isEqualTo(value);
    assertThat(pipeline.counter("events-rejected-total", Map.of("topic", topic, "reason", reason))).isEqualTo(1.0);
    return letter;
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Headers headers = record.headers();
    return headers.lastHeader(name) == null ? null
        : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** A writer's SurveyResponse: with or without respondentId, with the given SurveyKind symbols. */
  private static Schema surveyWriterSchema(boolean withRespondent, String... surveyKinds) {
    Schema timestamp = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("SurveyResponse").namespace("dev.vitals.schema")
        .fields()
        .requiredString("eventId")
        .requiredString("accountId")
        .name("occurredAt").type(timestamp).noDefault();
    if (withRespondent) {
      fields = fields.requiredString("respondentId");
    }
    return fields
        .name("survey").type(SchemaBuilder.enumeration("SurveyKind").namespace("dev.vitals.schema")
            .symbols(surveyKinds)).noDefault()
        .requiredInt("score")
        .endRecord();
  }

  private static GenericRecord surveyRecord(Schema schema, String surveyKind) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("eventId", "e-" + surveyKind);
    record.put("accountId", "acme");
    record.put("occurredAt", Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
    if (schema.getField("respondentId") != null) {
      record.put("respondentId", "r1");
    }
    record.put("survey", new GenericData.EnumSymbol(schema.getField("survey").schema(), surveyKind));
    record.put("score", 9);
    return record;
  }

  private static byte[] avro(GenericRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Confluent framing: magic byte 0, 4-byte big-endian schema id, Avro binary body. */
  private static byte[] framed(int schemaId, byte[] body) {
    return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(schemaId).put(body).array();
  }
}
