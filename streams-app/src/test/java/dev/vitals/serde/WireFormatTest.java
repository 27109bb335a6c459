package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.UsageEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  private final MockSchemaRegistry registry = new MockSchemaRegistry("wire-format");

  @Test
  void framingIsMagicByteZeroThenBigEndianIdThenPlainAvroBinary() throws IOException {
    // given an id that needs all four bytes, to catch byte-order mistakes
    ConfluentAvroSerializer<UsageEvent> serializer = new ConfluentAvroSerializer<>(
        new FixedIdRegistry(0x01020304), true, false);

    // when
    byte[] bytes = serializer.serialize("vitals.usage", Records.usage());

    // then the header is 00 01 02 03 04, and the body is what Avro's own generated encoder
    // writes after its single-object header (C3 01 + 8-byte fingerprint): the plain binary encoding
    ByteBuffer singleObject = Records.usage().toByteBuffer();
    byte[] plainBody = Arrays.copyOfRange(singleObject.array(), 10, singleObject.limit());
    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainBody);
  }

  @Test
  void firstSchemaOfAMockRegistryGetsIdOne() {
    ConfluentAvroSerializer<UsageEvent> serializer = new ConfluentAvroSerializer<>(registry, true, false);

    byte[] bytes = serializer.serialize("vitals.usage", Records.usage());

    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 0, 1);
  }

  @Test
  void keySerializerUsesTheKeySubject() {
    ConfluentAvroSerializer<UsageEvent> serializer = new ConfluentAvroSerializer<>(registry, true, true);

    serializer.serialize("vitals.usage", Records.usage());

    assertThat(registry.subjects()).containsExactly("vitals.usage-key");
  }

  @Test
  void kafkaConfigureDecidesBetweenKeyAndValueSubject() {
    ConfluentAvroSerializer<UsageEvent> serializer = new ConfluentAvroSerializer<>(registry, true, false);

    serializer.configure(java.util.Map.of(), true);
    serializer.serialize("vitals.usage", Records.usage());

    assertThat(registry.subjects()).containsExactly("vitals.usage-key");
  }

  @Test
  void schemaIdIsLookedUpOncePerTopicNotOncePerRecord() {
    CountingRegistry counting = new CountingRegistry(registry);
    ConfluentAvroSerializer<UsageEvent> serializer = new ConfluentAvroSerializer<>(counting, true, false);

    for (int i = 0; i < 5; i++) {
      serializer.serialize("vitals.usage", Records.usage());
    }
    serializer.serialize("vitals.other", Records.usage());

    assertThat(counting.registrations).isEqualTo(2);
  }

  @Test
  void readerDecodesAnyWriterSchemaIdOnceAndCachesIt() {
    CountingRegistry counting = new CountingRegistry(registry);
    int id = registry.register("vitals.usage-value", UsageEvent.getClassSchema());
    ConfluentAvroDeserializer<UsageEvent> deserializer = new ConfluentAvroDeserializer<>(counting, UsageEvent.class);
    byte[] bytes = Records.framed(id, Records.avroBinary(UsageEvent.getClassSchema(), Records.usage()));

    for (int i = 0; i < 5; i++) {
      assertThat(deserializer.deserialize("vitals.usage", bytes)).isEqualTo(Records.usage());
    }

    assertThat(counting.fetches).isEqualTo(1);
  }

  /** Answers every registration with one id, to pin the byte layout of a large id. */
  private record FixedIdRegistry(int id) implements SchemaRegistry {
    @Override
    public int register(String subject, Schema schema) {
      return id;
    }

    @Override
    public java.util.OptionalInt lookup(String subject, Schema schema) {
      return java.util.OptionalInt.of(id);
    }

    @Override
    public Schema schemaById(int id) {
      return SchemaBuilder.record("Unused").fields().endRecord();
    }
  }

  /** Counts calls that reach the registry. */
  private static final class CountingRegistry implements SchemaRegistry {
    private final SchemaRegistry delegate;
    int registrations;
    int fetches;

    CountingRegistry(SchemaRegistry delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
      registrations++;
      return delegate.register(subject, schema);
    }

    @Override
    public java.util.OptionalInt lookup(String subject, Schema schema) {
      return delegate.lookup(subject, schema);
    }

    @Override
    public synchronized Schema schemaById(int id) {
      fetches++;
      return delegate.schemaById(id);
    }
  }
}
