package dev.vitals.runtime;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.serde.SchemaRegistryUnavailableException;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.TopicNames;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The value schemas of the output topics, registered (or, with {@code auto.register.schemas=false}, found) when an
 * instance starts, before it consumes anything. Left to the first record, a contract the registry refuses (not
 * BACKWARD compatible with the version already under the subject, say) would kill the stream thread mid-run; here
 * it stops the start with the subject named, and the running release goes on serving. A registry that is briefly
 * away is no reason not to start: the serializer registers with the first record then, retried as any registry
 * outage is.
 */
final class OutputContracts {
  private static final Logger log = LoggerFactory.getLogger(OutputContracts.class);

  private OutputContracts() {}

  /**
   * @throws dev.vitals.serde.IncompatibleSchemaException when the registry refuses a current output contract
   * @throws org.apache.kafka.common.errors.SerializationException when one is not registered and auto-registration
   *     is off
   */
  static void register(VitalsSerdes serdes, TopicNames topics) {
    register(serdes, topics.health(), AccountHealth.class);
    register(serdes, topics.alerts(), ChurnAlert.class);
  }

  private static void register(VitalsSerdes serdes, String topic, Class<? extends SpecificRecord> type) {
    try {
      int id = serdes.valueSchemaId(topic, type);
      log.info("output topic {} is written as {}, schema id {}", topic, type.getSimpleName(), id);
    } catch (SchemaRegistryUnavailableException e) {
      log.warn("schema registry unavailable at start; the {} schema of {} is registered with its first record: {}",
          type.getSimpleName(), topic, e.getMessage());
    }
  }
}
