package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.serde.ConfluentWireFormat;
import dev.vitals.serde.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * A consumer of an output topic that was built against a released version of the contract and never upgraded: it
 * reads Confluent-framed records as a Confluent deserializer with a reader schema does, fetching each writer schema
 * by the record's id and resolving it to the only version it has. Checks that each record reads, and that every
 * field the released version knows holds what the writer wrote.
 */
final class ReleasedVersionReader {
  private final SchemaRegistry registry;
  private final Schema released;
  private final Set<String> skipped = new TreeSet<>();

  ReleasedVersionReader(SchemaRegistry registry, Schema released) {
    this.registry = registry;
    this.released = released;
  }

  /** How many of {@code framed} carry each schema id (tombstones left out). */
  static Map<Integer, Long> schemaIds(List<byte[]> framed) {
    return framed.stream().filter(value -> value != null).collect(Collectors.groupingBy(
        ReleasedVersionReader::schemaId, TreeMap::new, Collectors.counting()));
  }

  /** Reads {@code framed} with the released version, and field by field against the writer's own view of it. */
  void assertReadsEveryKnownField(byte[] framed) {
    if (framed == null) {
      return; // a tombstone: no value, no schema
    }
    Schema writer = registry.schemaById(schemaId(framed));
    GenericRecord asWritten = read(framed, writer, writer);
    GenericRecord asReleased = read(framed, writer, released);
    String where = released.getName() + " record " + asWritten.get(0) + " (writer schema id " + schemaId(framed) + ")";
    for (Schema.Field field : released.getFields()) {
      assertThat(text(asReleased.get(field.name())))
          .as("%s: field %s read by the released version", where, field.name())
          .isEqualTo(text(asWritten.get(field.name())));
    }
    writer.getFields().stream().map(Schema.Field::name)
        .filter(name -> released.getField(name) == null && asWritten.get(name) != null)
        .forEach(skipped::add);
  }

  /** The writer's fields the released version does not know that records had values in. */
  Set<String> fieldsItSkipped() {
    return skipped;
  }

  private static GenericRecord read(byte[] framed, Schema writer, Schema reader) {
    int body = ConfluentWireFormat.HEADER_SIZE;
    try {
      return new GenericDatumReader<GenericRecord>(writer, reader)
          .read(null, DecoderFactory.get().binaryDecoder(framed, body, framed.length - body, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Avro's JSON-like rendering: nested records, enums, arrays and unions compare by value, whatever the schema. */
  private static String text(Object value) {
    return GenericData.get().toString(value);
  }

  private static int schemaId(byte[] framed) {
    assertThat(framed[0]).as("magic byte").isEqualTo(ConfluentWireFormat.MAGIC_BYTE);
    return ByteBuffer.wrap(framed, 1, Integer.BYTES).getInt();
  }
}
