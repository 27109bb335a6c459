package dev.vitals.it;

import dev.vitals.serde.ConfluentWireFormat;
import dev.vitals.serde.PortableSchema;
import dev.vitals.serde.SchemaRegistry;
import dev.vitals.serde.TopicNameStrategy;
import dev.vitals.testing.SchemaEdits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * An upstream producer that has moved on to a newer version of an input contract than this release of Vitals knows:
 * the current schema plus one string field with a default (a change a BACKWARD registry accepts), registered under
 * the topic's subject, and events written as generic records of that version under its new id, as a producer built
 * from the newer {@code .avsc} (in any language) writes them.
 */
final class NewerInputVersion {
  private final String field;
  private final String value;
  private final int schemaId;
  private final Schema current;
  private final GenericDatumReader<GenericRecord> upgrade;
  private final GenericDatumWriter<GenericRecord> writer;

  private NewerInputVersion(Schema current, Schema newer, int schemaId, String field, String value) {
    this.current = current;
    this.field = field;
    this.value = value;
    this.schemaId = schemaId;
    // Resolving the current version's bytes to the newer schema fills the new field with its default.
    this.upgrade = new GenericDatumReader<>(current, newer);
    this.writer = new GenericDatumWriter<>(newer);
  }

  /**
   * Registers {@code current} plus {@code field} (a string, default {@code ""}) under {@code topic}'s value subject;
   * the events written then carry {@code value} in it.
   *
   * @throws dev.vitals.serde.IncompatibleSchemaException if the registry refuses the newer version
   */
  static NewerInputVersion register(SchemaRegistry registry, String topic, Schema current, String field,
      String value) {
    Schema newer = withStringField(current, field);
    int id = registry.register(TopicNameStrategy.subject(topic, false), newer);
    return new NewerInputVersion(current, newer, id, field, value);
  }

  /** The current contract (as other languages see it) with one more string field, default "". */
  static Schema withStringField(Schema current, String field) {
    return SchemaEdits.withField(PortableSchema.of(current),
        new Schema.Field(field, Schema.create(Schema.Type.STRING), "added upstream after this release", ""));
  }

  int schemaId() {
    return schemaId;
  }

  /** {@code event} as the newer producer frames it: the same values, the new field set, the newer schema's id. */
  byte[] frame(SpecificRecordBase event) {
    if (!event.getSchema().getFullName().equals(current.getFullName())) {
      throw new IllegalArgumentException(event.getSchema().getFullName() + " is not a " + current.getFullName());
    }
    try {
      GenericRecord newer = upgrade.read(null, DecoderFactory.get().binaryDecoder(encode(event), null));
      newer.put(field, value);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(ByteBuffer.allocate(ConfluentWireFormat.HEADER_SIZE).put(ConfluentWireFormat.MAGIC_BYTE)
          .putInt(schemaId).array());
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      writer.write(newer, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encode(SpecificRecordBase event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    // The class's own SpecificData knows its logical types (Instant, LocalDate).
    new SpecificDatumWriter<SpecificRecordBase>(event.getSchema(), event.getSpecificData()).write(event, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
