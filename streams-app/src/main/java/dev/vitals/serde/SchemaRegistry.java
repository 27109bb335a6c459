package dev.vitals.serde;

import java.util.OptionalInt;
import org.apache.avro.Schema;

/**
 * The part of a Confluent-compatible schema registry that Vitals needs: ids for the schemas it
 * writes, and writer schemas for the ids it reads.
 *
 * <p>Implementations are thread-safe: one client is shared by every serde of an application, and
 * Kafka Streams calls serdes from several stream threads.
 *
 * <p>Failures are unchecked so that they can cross Kafka's {@code Serializer}/{@code Deserializer}
 * interfaces: {@link UnknownSchemaIdException}, {@link IncompatibleSchemaException}, other
 * {@link SchemaRegistryException}s, and {@link SchemaRegistryUnavailableException} (transient; a
 * Kafka {@code RetriableException}).
 */
public interface SchemaRegistry {

  /**
   * Registers {@code schema} under {@code subject}, or finds the version already registered.
   *
   * @return the schema's global id
   * @throws IncompatibleSchemaException if the registry refuses it as incompatible (HTTP 409)
   */
  int register(String subject, Schema schema);

  /**
   * The id of a schema identical to {@code schema} that is already registered under {@code
   * subject}; never registers anything.
   *
   * @return the id, or empty when the subject or that schema under it does not exist
   */
  OptionalInt lookup(String subject, Schema schema);

  /**
   * The schema with this global id.
   *
   * @throws UnknownSchemaIdException if the registry has no schema with that id
   */
  Schema schemaById(int id);
}
