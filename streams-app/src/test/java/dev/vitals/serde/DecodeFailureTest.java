package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DecodeFailureTest {

  private static final String TOPIC = "vitals.usage";
  private static final String SUBJECT = "vitals.usage-value";

  private final MockSchemaRegistry registry = new MockSchemaRegistry("decode-failures");
  private final ConfluentAvroDeserializer<UsageEvent> deserializer =
      new ConfluentAvroDeserializer<>(registry, UsageEvent.class);

  @Test
  void wrongMagicByteIsNotConfluentFramed() {
    byte[] bytes = validBytes();
    bytes[0] = 1;

    assertThat(failure(bytes).reason()).isEqualTo(DecodeFailure.NOT_CONFLUENT_FRAMED);
    assertThat(failure(bytes).detail()).contains("first byte 0x01").contains(TOPIC);
  }

  @Test
  void plainJsonIsNotConfluentFramed() {
    byte[] bytes = "{\"eventId\":\"u-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(failure(bytes).reason()).isEqualTo(DecodeFailure.NOT_CONFLUENT_FRAMED);
  }

  @Test
  void bytesShorterThanTheHeaderAreNotConfluentFramed() {
    assertThat(failure(new byte[] {0, 0, 1}).reason()).isEqualTo(DecodeFailure.NOT_CONFLUENT_FRAMED);
    assertThat(failure(new byte[0]).reason()).isEqualTo(DecodeFailure.NOT_CONFLUENT_FRAMED);
    assertThat(failure(new byte[0]).detail()).contains("0 bytes");
  }

  @Test
  void unregisteredIdIsUnknownSchemaId() {
    AvroDecodeException failure = failure(Records.framed(4711, new byte[] {2, 'x'}));

    assertThat(failure.reason()).isEqualTo(DecodeFailure.UNKNOWN_SCHEMA_ID);
    assertThat(failure.detail()).contains("schema id 4711");
  }

  @Test
  void truncatedBodyIsUndecodable() {
    byte[] bytes = validBytes();

    AvroDecodeException failure = failure(Arrays.copyOf(bytes, bytes.length - 4));

    assertThat(failure.reason()).isEqualTo(DecodeFailure.UNDECODABLE);
  }

  @Test
  void headerWithoutBodyIsUndecodable() {
    assertThat(failure(Arrays.copyOf(validBytes(), 5)).reason()).isEqualTo(DecodeFailure.UNDECODABLE);
  }

  @Test
  void bytesLeftAfterTheRecordAreUndecodable() {
    byte[] bytes = validBytes();
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

    AvroDecodeException failure = failure(longer);

    assertThat(failure.reason()).isEqualTo(DecodeFailure.UNDECODABLE);
    assertThat(failure.detail()).contains("left over");
  }

  @Test
  void garbageBodyIsUndecodable() {
    int id = registry.register(SUBJECT, UsageEvent.getClassSchema());
    byte[] garbage = new byte[40];
    Arrays.fill(garbage, (byte) 0xff);

    assertThat(failure(Records.framed(id, garbage)).reason()).isEqualTo(DecodeFailure.UNDECODABLE);
  }

  @Test
  void writerSchemaOfAnotherRecordIsTheWrongRecordType() {
    // given a record of another contract framed with its own, registered, schema
    int id = registry.register("vitals.surveys-value", SurveyResponse.getClassSchema());
    byte[] bytes = Records.framed(id, Records.avroBinary(SurveyResponse.getClassSchema(), Records.survey()));

    // when read as a UsageEvent, then
    AvroDecodeException failure = failure(bytes);
    assertThat(failure.reason()).isEqualTo(DecodeFailure.WRONG_RECORD_TYPE);
    assertThat(failure.detail()).contains("dev.vitals.schema.SurveyResponse").contains("UsageEvent");
  }

  @Test
  void fieldOfAnIncompatibleTypeIsUndecodable() {
    Schema writer = withField(UsageEvent.getClassSchema(), "count", Schema.create(Schema.Type.STRING));
    GenericRecord record = genericUsage(writer, "LOGIN");
    record.put("count", "many");
    int id = registry.register(SUBJECT, writer);

    assertThat(failure(Records.framed(id, record)).reason()).isEqualTo(DecodeFailure.UNDECODABLE);
  }

  @Test
  void writerWithoutARequiredFieldIsMissingField() {
    // given a writer schema without accountId, which the reader requires and has no default for
    Schema writer = withoutField(UsageEvent.getClassSchema(), "accountId");
    int id = registry.register(SUBJECT, writer);
    GenericRecord record = genericUsage(writer, "LOGIN");

    // when
    AvroDecodeException failure = failure(Records.framed(id, record));

    // then
    assertThat(failure.reason()).isEqualTo(DecodeFailure.MISSING_FIELD);
    assertThat(failure.detail()).contains("accountId").contains("schema id " + id);
  }

  @Test
  void writerWithoutAFieldThatHasADefaultIsFine() {
    Schema writer = withoutField(UsageEvent.getClassSchema(), "feature");
    int id = registry.register(SUBJECT, writer);

    UsageEvent read = deserializer.deserialize(TOPIC, Records.framed(id, genericUsage(writer, "LOGIN")));

    assertThat(read.getFeature()).isNull();
    assertThat(read.getKind()).isEqualTo(UsageKind.LOGIN);
  }

  @Test
  void enumSymbolUnknownToTheReaderIsUnknownEnumSymbol() {
    // given a newer writer whose UsageKind has an extra symbol, and a record that uses it
    Schema writer = new Schema.Parser().parse(UsageEvent.getClassSchema().toString()
        .replace("\"MILESTONE\"]", "\"MILESTONE\",\"WEBHOOK\"]"));
    int id = registry.register(SUBJECT, writer);

    // when
    AvroDecodeException failure = failure(Records.framed(id, genericUsage(writer, "WEBHOOK")));

    // then
    assertThat(failure.reason()).isEqualTo(DecodeFailure.UNKNOWN_ENUM_SYMBOL);
    assertThat(failure.detail()).contains("WEBHOOK");
  }

  @Test
  void recordsOfThatNewerWriterThatUseKnownSymbolsStillDecode() {
    Schema writer = new Schema.Parser().parse(UsageEvent.getClassSchema().toString()
        .replace("\"MILESTONE\"]", "\"MILESTONE\",\"WEBHOOK\"]"));
    int id = registry.register(SUBJECT, writer);

    UsageEvent read = deserializer.deserialize(TOPIC, Records.framed(id, genericUsage(writer, "MILESTONE")));

    assertThat(read.getKind()).isEqualTo(UsageKind.MILESTONE);
  }

  @Test
  void decodeFailuresAreKafkaSerializationExceptions() {
    assertThat(failure(new byte[] {7})).isInstanceOf(SerializationException.class);
  }

  @Test
  void unreachableRegistryIsRetriableAndNeverADecodeFailure() throws IOException {
    // given a registry URL on a port where nothing listens
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SchemaRegistry unreachable = new HttpSchemaRegistry("http://127.0.0.1:" + port,
        Map.of(SerdeConfig.CONNECT_TIMEOUT_MS, 1000));
    ConfluentAvroDeserializer<UsageEvent> reader = new ConfluentAvroDeserializer<>(unreachable, UsageEvent.class);

    // when / then
    assertThatThrownBy(() -> reader.deserialize(TOPIC, Records.framed(1, new byte[] {2, 'x'})))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .isInstanceOf(RetriableException.class)
        .isNotInstanceOf(AvroDecodeException.class);
  }

  private byte[] validBytes() {
    return new ConfluentAvroSerializer<UsageEvent>(registry, true, false).serialize(TOPIC, Records.usage());
  }

  private AvroDecodeException failure(byte[] bytes) {
    AvroDecodeException failure =
        catchThrowableOfType(AvroDecodeException.class, () -> deserializer.deserialize(TOPIC, bytes));
    assertThat(failure).as("an AvroDecodeException").isNotNull();
    assertThat(failure.getMessage()).startsWith(failure.reason() + ": ").doesNotContain("\n");
    return failure;
  }

  /** A UsageEvent as another producer would build it from {@code schema}, whatever fields it has. */
  private static GenericRecord genericUsage(Schema schema, String kind) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      switch (field.name()) {
        case "eventId" -> record.put("eventId", "u-9");
        case "accountId" -> record.put("accountId", "acme");
        case "occurredAt" -> record.put("occurredAt", Records.AT.toEpochMilli());
        case "kind" -> record.put("kind", new GenericData.EnumSymbol(field.schema(), kind));
        case "count" -> record.put("count", 1);
        case "errorCount" -> record.put("errorCount", 0);
        default -> record.put(field.name(), null);
      }
    }
    return record;
  }

  private static Schema withoutField(Schema schema, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      if (!field.name().equals(name)) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static Schema withField(Schema schema, String name, Schema type) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(field.name().equals(name)
          ? new Schema.Field(name, type)
          : new Schema.Field(field, field.schema()));
    }
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
