package dev.vitals.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro specific records in the Confluent wire format ({@link ConfluentWireFormat}) under
 * the TopicNameStrategy subject of the topic.
 *
 * <p>With {@code autoRegister} the record's schema is registered (or its existing version found);
 * without it, the schema must already be registered under the subject, which is how production
 * producers are usually run so that only a reviewed pipeline changes contracts.
 *
 * <p>Registry failures pass through unchanged ({@link SchemaRegistryUnavailableException} is
 * retriable; {@link IncompatibleSchemaException} is not); encoding failures become Kafka {@link
 * SerializationException}s. Thread-safe.
 */
public final class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final SchemaRegistry registry;
  private final boolean autoRegister;
  private volatile boolean isKey;
  // The registry client caches too, but this map avoids hashing the schema's structure against
  // another subject map on every record: per (topic, isKey, schema) the id is fixed.
  private final ConcurrentMap<IdKey, Integer> ids = new ConcurrentHashMap<>();
  private final ConcurrentMap<Class<?>, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  private record IdKey(String subject, Schema schema) {}

  /**
   * @param registry where schema ids come from
   * @param autoRegister register unknown schemas ({@code auto.register.schemas}), or only look up
   * @param isKey whether this serializes record keys (subject {@code <topic>-key}) or values
   */
  public ConfluentAvroSerializer(SchemaRegistry registry, boolean autoRegister, boolean isKey) {
    this.registry = registry;
    this.autoRegister = autoRegister;
    this.isKey = isKey;
  }

  /**
   * Only takes {@code isKey} from Kafka: registry and auto-registration were fixed by the factory
   * that built this serializer, and an application config passed here must not silently swap them.
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null; // a tombstone stays a tombstone
    }
    Schema schema = record.getSchema();
    int schemaId = schemaId(topic, schema);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(128);
      ByteBuffer header = ByteBuffer.allocate(ConfluentWireFormat.HEADER_SIZE);
      ConfluentWireFormat.writeHeader(header, schemaId);
      out.write(header.array());
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      writerFor(record).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + schema.getFullName() + " for topic '" + topic
          + "': " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
  }

  /**
   * The id {@code schema} is written under for {@code topic}: registered first when this serializer auto-registers,
   * only looked up otherwise. What the first record does; public for callers that want its failure before any
   * record (the outputs at start). Cached, as ids never change.
   *
   * @throws IncompatibleSchemaException when the registry refuses the schema under the subject
   * @throws SerializationException when it is not registered and auto-registration is off
   */
  public int schemaId(String topic, Schema schema) {
    String subject = TopicNameStrategy.subject(topic, isKey);
    IdKey key = new IdKey(subject, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    int id;
    Schema portable = PortableSchema.of(schema);
    if (autoRegister) {
      id = registry.register(subject, portable);
    } else {
      OptionalInt found = registry.lookup(subject, portable);
      if (found.isEmpty()) {
        throw new SerializationException("schema " + schema.getFullName() + " is not registered under subject '"
            + subject + "' in " + registry + " and " + SerdeConfig.AUTO_REGISTER_SCHEMAS
            + " is false: register it first");
      }
      id = found.getAsInt();
    }
    ids.put(key, id);
    return id;
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<Object> writerFor(T record) {
    // The generated class's own SpecificData carries its logical-type conversions
    // (Instant, LocalDate); the global instance would not know them.
    return writers.computeIfAbsent(record.getClass(), type -> {
      SpecificData model = record instanceof SpecificRecordBase base
          ? base.getSpecificData()
          : SpecificData.getForClass(type);
      return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(record.getSchema(), model);
    });
  }
}
