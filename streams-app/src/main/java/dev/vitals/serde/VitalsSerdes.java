package dev.vitals.serde;

import dev.vitals.state.StateFormat;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one place where Vitals makes serdes. Every Avro serde it makes shares one {@link
 * SchemaRegistry} client, so schema ids and writer schemas are fetched once per application, not
 * once per topic.
 *
 * <p>Configuration ({@link SerdeConfig}): {@code schema.registry.url} (required), {@code
 * auto.register.schemas} (default true), {@code basic.auth.user.info}, and the registry timeouts.
 */
public final class VitalsSerdes {

  private final SchemaRegistry registry;
  private final boolean autoRegister;

  /**
   * @throws IllegalArgumentException when {@code schema.registry.url} is missing or unsupported
   */
  public VitalsSerdes(Map<String, ?> config) {
    this(SchemaRegistries.forUrl(SerdeConfig.string(config, SerdeConfig.SCHEMA_REGISTRY_URL, null), config),
        SerdeConfig.bool(config, SerdeConfig.AUTO_REGISTER_SCHEMAS, true));
  }

  /** For callers (and tests) that already hold a registry client. */
  public VitalsSerdes(SchemaRegistry registry, boolean autoRegister) {
    this.registry = registry;
    this.autoRegister = autoRegister;
  }

  /** Serdes backed by the process-wide in-memory registry {@code mock://name}, auto-registering. */
  public static VitalsSerdes mock(String name) {
    return new VitalsSerdes(MockSchemaRegistryScope.get(name), true);
  }

  /** A value serde for the Avro record class {@code type} (subject {@code <topic>-value}). */
  public <T extends SpecificRecord> Serde<T> avro(Class<T> type) {
    return Serdes.serdeFrom(
        new ConfluentAvroSerializer<T>(registry, autoRegister, false),
        new ConfluentAvroDeserializer<>(registry, type));
  }

  /**
   * Registers (or, without auto-registration, finds) {@code type}'s schema as {@code topic}'s value schema, as the
   * serializer of {@link #avro} does with its first record, and gives its id.
   *
   * @throws IncompatibleSchemaException when the registry refuses it under the subject's compatibility rule
   */
  public int valueSchemaId(String topic, Class<? extends SpecificRecord> type) {
    return new ConfluentAvroSerializer<>(registry, autoRegister, false)
        .schemaId(topic, SpecificData.get().getSchema(type));
  }

  /** UTF-8 strings: the record keys (account ids, cost centres). */
  public Serde<String> string() {
    return Serdes.String();
  }

  /** Raw bytes, for the dead-letter topic, which must keep the original bytes untouched. */
  public Serde<byte[]> bytes() {
    return Serdes.ByteArray();
  }

  /** Longs: store values that are timestamps. */
  public Serde<Long> longs() {
    return Serdes.Long();
  }

  /**
   * A record in the versioned binary state format ({@link StateFormat}: a format-version byte, then its Avro
   * binary), for store values. Thread-safe: interactive queries read the stores from HTTP threads.
   */
  public <T extends SpecificRecord> Serde<T> state(Class<T> type) {
    ThreadLocal<StateFormat> formats = ThreadLocal.withInitial(StateFormat::new);
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : formats.get().encode(value),
        (topic, bytes) -> bytes == null ? null : formats.get().decode(bytes, type));
  }

  /** The shared registry client. */
  public SchemaRegistry registry() {
    return registry;
  }
}
