package dev.vitals.serde;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.apache.avro.SchemaParseException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro ({@link ConfluentWireFormat}) into the specific record class {@code
 * T}, resolving the writer's schema (fetched by id) to the reader's with Avro schema resolution:
 * fields the writer lacks take the reader's defaults, fields the reader lacks are skipped. That is
 * what lets older and newer producers share a topic.
 *
 * <p>Bad bytes throw {@link AvroDecodeException} with a {@link DecodeFailure}, for the dead-letter
 * topic. A registry outage is not a property of the record: {@link
 * SchemaRegistryUnavailableException} passes through so that the caller retries instead. A
 * {@code null} value (a tombstone on a compacted topic) gives {@code null}, as Kafka's deserializer
 * contract asks. Thread-safe.
 */
public final class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final SchemaRegistry registry;
  private final Class<T> type;
  private final SpecificData model;
  private final Schema readerSchema;
  // Building a resolving reader costs far more than decoding one record; writer ids are few.
  private final ConcurrentMap<Integer, ResolvedReader<T>> readers = new ConcurrentHashMap<>();

  /** A reader for one writer schema, plus what we know in advance about how it can fail. */
  private record ResolvedReader<T>(Schema writer, SpecificDatumReader<T> reader, String missingField,
      boolean otherRecord) {}

  public ConfluentAvroDeserializer(SchemaRegistry registry, Class<T> type) {
    this.registry = registry;
    this.type = type;
    // The class's own SpecificData knows its logical-type conversions (Instant, LocalDate).
    this.model = SpecificData.getForClass(type);
    this.readerSchema = model.getSchema(type);
  }

  /** Nothing to configure: the factory fixed the registry and the reader class. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (!ConfluentWireFormat.isFramed(data)) {
      throw new AvroDecodeException(DecodeFailure.NOT_CONFLUENT_FRAMED, describeUnframed(topic, data));
    }
    int schemaId = ConfluentWireFormat.schemaId(data);
    ResolvedReader<T> resolved = readerFor(topic, schemaId);
    if (resolved.otherRecord()) {
      // Avro's resolver matches fields by name whatever the record's name, so bytes of another contract could
      // even decode; refusing the writer as a whole keeps that from ever being accepted as this contract.
      throw new AvroDecodeException(DecodeFailure.WRONG_RECORD_TYPE, where(topic, schemaId) + ": writer schema is "
          + resolved.writer().getFullName() + ", another record type; this topic carries " + type.getSimpleName());
    }
    if (resolved.missingField() != null) {
      throw new AvroDecodeException(DecodeFailure.MISSING_FIELD, where(topic, schemaId)
          + ": the writer schema lacks " + resolved.missingField() + ", which "
          + type.getSimpleName() + " requires and has no default for");
    }
    int offset = ConfluentWireFormat.HEADER_SIZE;
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, null);
    T record;
    try {
      record = resolved.reader().read(null, decoder);
    } catch (AvroTypeException e) {
      throw classify(topic, schemaId, e);
    } catch (IOException | RuntimeException e) {
      // EOFException for a truncated body; AvroRuntimeException, ArrayIndexOutOfBounds (bad union
      // or enum index), NegativeArraySize and friends for corrupt lengths.
      throw new AvroDecodeException(DecodeFailure.UNDECODABLE, where(topic, schemaId)
          + ": corrupt or truncated Avro body (" + describe(e) + ")", e);
    }
    try {
      if (!decoder.isEnd()) {
        throw new AvroDecodeException(DecodeFailure.UNDECODABLE, where(topic, schemaId)
            + ": bytes left over after the record; the body does not match its writer schema");
      }
    } catch (IOException e) {
      throw new AvroDecodeException(DecodeFailure.UNDECODABLE, where(topic, schemaId) + ": " + describe(e), e);
    }
    return record;
  }

  private ResolvedReader<T> readerFor(String topic, int schemaId) {
    ResolvedReader<T> cached = readers.get(schemaId);
    if (cached != null) {
      return cached;
    }
    Schema writer;
    try {
      writer = registry.schemaById(schemaId);
    } catch (UnknownSchemaIdException e) {
      throw new AvroDecodeException(DecodeFailure.UNKNOWN_SCHEMA_ID, where(topic, schemaId)
          + ": the schema registry does not know this id", e);
    } catch (SchemaParseException e) {
      throw new AvroDecodeException(DecodeFailure.UNDECODABLE, where(topic, schemaId)
          + ": the registry's schema cannot be used: " + e.getMessage(), e);
    }
    // SchemaRegistryUnavailableException (and other registry errors) deliberately pass through.
    ResolvedReader<T> resolved = new ResolvedReader<>(writer,
        new SpecificDatumReader<>(writer, readerSchema, model), missingRequiredField(writer), isOtherRecord(writer));
    ResolvedReader<T> raced = readers.putIfAbsent(schemaId, resolved);
    return raced != null ? raced : resolved;
  }

  /**
   * A field the reader requires and the writer lacks fails every record of that writer, so it is
   * found once per writer schema, and named precisely, rather than parsed out of Avro's message.
   * Not when the enclosing record is another type altogether (a name or type mismatch at or above
   * the field): that writer is simply the wrong schema, reported as UNDECODABLE when read, or as
   * WRONG_RECORD_TYPE when the whole record is another type.
   */
  private String missingRequiredField(Schema writer) {
    List<Incompatibility> incompatibilities = SchemaCompatibility
        .checkReaderWriterCompatibility(readerSchema, writer).getResult().getIncompatibilities();
    for (Incompatibility missing : incompatibilities) {
      String location = missing.getLocation();
      if (missing.getType() == SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE
          && !insideUnion(location)
          && incompatibilities.stream().noneMatch(other -> spoils(other, location))) {
        // The incompatibility's message is the field's name; the location is the reader's path.
        return "field '" + missing.getMessage() + "' (reader path " + location + ")";
      }
    }
    return null;
  }

  private static boolean spoils(Incompatibility other, String location) {
    String scope = mismatchScope(other);
    return scope != null && location.startsWith(scope);
  }

  /**
   * The schema path a name or type mismatch spoils; a NAME_MISMATCH is reported at the named
   * schema's {@code .../name}, so its scope is the schema itself. Other kinds (null) spoil nothing.
   */
  private static String mismatchScope(Incompatibility incompatibility) {
    String location = incompatibility.getLocation();
    return switch (incompatibility.getType()) {
      case NAME_MISMATCH -> location.endsWith("/name") ? location.substring(0, location.length() - 5) : location;
      case TYPE_MISMATCH -> location;
      default -> null;
    };
  }

  /**
   * Inside a union only records that take that branch fail; those are caught when read (see
   * {@link #classify}), so other records of the same writer still decode.
   */
  private static boolean insideUnion(String location) {
    return location.contains("/union/");
  }

  /**
   * Avro signals resolution problems met while reading as {@link AvroTypeException}; its messages
   * are the only way to tell them apart ("No match for SYMBOL" for an enum symbol the reader lacks,
   * "missing required field" for a record without a reader default). Tests pin both messages.
   */
  private AvroDecodeException classify(String topic, int schemaId, AvroTypeException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("No match for ")) {
      return new AvroDecodeException(DecodeFailure.UNKNOWN_ENUM_SYMBOL, where(topic, schemaId)
          + ": enum symbol " + message.substring("No match for ".length()) + " is unknown to "
          + type.getSimpleName(), e);
    }
    if (message.contains("missing required field")) {
      return new AvroDecodeException(DecodeFailure.MISSING_FIELD, where(topic, schemaId) + ": " + message, e);
    }
    return new AvroDecodeException(DecodeFailure.UNDECODABLE, where(topic, schemaId)
        + ": writer schema cannot be read as " + type.getSimpleName() + ": " + message, e);
  }

  /** A record of another name; namespaces may differ, as producers in other languages choose their own. */
  private boolean isOtherRecord(Schema writer) {
    return writer.getType() == Schema.Type.RECORD
        && !writer.getName().equals(readerSchema.getName())
        && readerSchema.getAliases().stream().noneMatch(alias -> alias.endsWith(writer.getName()));
  }

  private String where(String topic, int schemaId) {
    return "topic '" + topic + "', schema id " + schemaId;
  }

  private static String describeUnframed(String topic, byte[] data) {
    String what = data.length < ConfluentWireFormat.HEADER_SIZE
        ? data.length + " bytes, shorter than the 5-byte header"
        : String.format("first byte 0x%02x, expected magic byte 0x00", data[0] & 0xff);
    return "topic '" + topic + "': not Confluent-framed Avro (" + what + ")";
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
