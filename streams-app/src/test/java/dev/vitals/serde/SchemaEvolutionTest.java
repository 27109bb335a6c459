package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC 2: older writers are read by the current pipeline, and older readers read current data. */
class SchemaEvolutionTest {

  private static final String SCOPE = "schema-evolution";
  private final VitalsSerdes serdes = VitalsSerdes.mock(SCOPE);
  private final SchemaRegistry registry = serdes.registry();

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistryScope.drop(SCOPE);
  }

  @Test
  void usageEventWrittenWithV1IsReadWithErrorCountDefaultZero() {
    // given an older producer writing UsageEvent v1 (no errorCount) under the topic's subject
    Schema v1 = Records.releasedVersion("UsageEvent", 1);
    assertThat(v1.getField("errorCount")).isNull();
    int id = registry.register("vitals.usage-value", v1);
    GenericRecord old = new GenericData.Record(v1);
    old.put("eventId", "u-old");
    old.put("accountId", "acme");
    old.put("occurredAt", Records.AT.toEpochMilli());
    old.put("userId", "alice");
    old.put("kind", new GenericData.EnumSymbol(v1.getField("kind").schema(), "API_CALL"));
    old.put("feature", "/v1/reports");
    old.put("count", 12);

    // when the current pipeline reads it
    UsageEvent read = serdes.avro(UsageEvent.class).deserializer()
        .deserialize("vitals.usage", Records.framed(id, old));

    // then every v1 field survives and errorCount takes its default
    assertThat(read).isEqualTo(UsageEvent.newBuilder()
        .setEventId("u-old").setAccountId("acme").setOccurredAt(Records.AT).setUserId("alice")
        .setKind(UsageKind.API_CALL).setFeature("/v1/reports").setCount(12).setErrorCount(0)
        .build());
  }

  @Test
  void surveyResponseWrittenWithV1IsReadWithTouchpointNull() {
    Schema v1 = Records.releasedVersion("SurveyResponse", 1);
    assertThat(v1.getField("touchpoint")).isNull();
    int id = registry.register("vitals.surveys-value", v1);
    GenericRecord old = new GenericData.Record(v1);
    old.put("eventId", "s-old");
    old.put("accountId", "acme");
    old.put("occurredAt", Records.AT.toEpochMilli());
    old.put("respondentId", "bob");
    old.put("survey", new GenericData.EnumSymbol(v1.getField("survey").schema(), "NPS"));
    old.put("score", 9);
    old.put("comment", null);

    SurveyResponse read = serdes.avro(SurveyResponse.class).deserializer()
        .deserialize("vitals.surveys", Records.framed(id, old));

    assertThat(read).isEqualTo(SurveyResponse.newBuilder()
        .setEventId("s-old").setAccountId("acme").setOccurredAt(Records.AT).setRespondentId("bob")
        .setSurvey(SurveyKind.NPS).setScore(9).setComment(null).setTouchpoint(null)
        .build());
  }

  @Test
  void v1ReaderReadsCurrentUsageEventIgnoringErrorCount() throws IOException {
    // given the current pipeline writing UsageEvent v2
    byte[] bytes = serdes.avro(UsageEvent.class).serializer().serialize("vitals.usage", Records.usage());

    // when a consumer still on v1 reads it with the writer schema from the registry
    GenericRecord read = readWithOlderReader(bytes, Records.releasedVersion("UsageEvent", 1));

    // then
    assertThat(read.getSchema().getField("errorCount")).isNull();
    assertThat(read.get("eventId").toString()).isEqualTo("u-1");
    assertThat(read.get("occurredAt")).isEqualTo(Records.AT.toEpochMilli());
    assertThat(read.get("kind").toString()).isEqualTo("API_CALL");
    assertThat(read.get("count")).isEqualTo(40);
  }

  @Test
  void v1ReaderReadsCurrentSurveyResponseIgnoringTouchpoint() throws IOException {
    byte[] bytes = serdes.avro(SurveyResponse.class).serializer().serialize("vitals.surveys", Records.survey());

    GenericRecord read = readWithOlderReader(bytes, Records.releasedVersion("SurveyResponse", 1));

    assertThat(read.getSchema().getField("touchpoint")).isNull();
    assertThat(read.get("respondentId").toString()).isEqualTo("bob");
    assertThat(read.get("score")).isEqualTo(4);
    assertThat(read.get("comment").toString()).isEqualTo("quick answer");
  }

  @Test
  void accountHealthWithFreshnessIsReadByV1ReadersAndReadsV1Records() {
    // given: the AccountHealth contract as first released, and the current one (freshness added, default null)
    Schema v1 = Records.releasedVersion("AccountHealth", 1);
    Schema current = AccountHealth.getClassSchema();
    assertThat(v1.getField("freshness")).isNull();

    // then: backward (a current reader of v1 records) and forward (a v1 reader of current records) compatible, but
    // for an open alert of a rule added since (an Avro enum reads no symbol it lacks; OutputSchemaEvolutionTest)
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, v1).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v1, current).getResult().getIncompatibilities())
        .allSatisfy(incompatibility -> assertThat(incompatibility.getType())
            .isEqualTo(SchemaCompatibility.SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS));
  }

  @Test
  void everyReleasedVersionRegistersUnderOneSubjectAndStaysReadable() {
    // given both released UsageEvent versions in one subject, as they would be in production
    Schema v1 = Records.releasedVersion("UsageEvent", 1);
    Schema v2 = Records.releasedVersion("UsageEvent", 2);
    int id1 = registry.register("vitals.usage-value", v1);
    int id2 = registry.register("vitals.usage-value", v2);

    // when records of both are read by the current class
    GenericRecord old = new GenericData.Record(v1);
    GenericRecord current = new GenericData.Record(v2);
    for (GenericRecord record : new GenericRecord[] {old, current}) {
      record.put("eventId", "e");
      record.put("accountId", "acme");
      record.put("occurredAt", 0L);
      record.put("kind", new GenericData.EnumSymbol(record.getSchema().getField("kind").schema(), "LOGIN"));
      record.put("count", 1);
    }
    current.put("errorCount", 2);
    var deserializer = serdes.avro(UsageEvent.class).deserializer();

    // then
    assertThat(id1).isNotEqualTo(id2);
    assertThat(deserializer.deserialize("vitals.usage", Records.framed(id1, old)).getErrorCount()).isZero();
    assertThat(deserializer.deserialize("vitals.usage", Records.framed(id2, current)).getErrorCount()).isEqualTo(2);
  }

  private GenericRecord readWithOlderReader(byte[] framed, Schema reader) throws IOException {
    Schema writer = registry.schemaById(ConfluentWireFormat.schemaId(framed));
    byte[] body = Arrays.copyOfRange(framed, ConfluentWireFormat.HEADER_SIZE, framed.length);
    return new GenericDatumReader<GenericRecord>(writer, reader)
        .read(null, DecoderFactory.get().binaryDecoder(body, null));
  }
}
