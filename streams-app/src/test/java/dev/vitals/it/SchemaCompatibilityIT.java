package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.schema.UsageEvent;
import dev.vitals.serde.HttpSchemaRegistry;
import dev.vitals.serde.IncompatibleSchemaException;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real registry (BACKWARD, as Confluent's default) refuses an incompatible change of an event's schema. */
@ExtendWith(SharedCluster.class)
class SchemaCompatibilityIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String subject = "vitals.usage.compat-it-" + UUID.randomUUID() + "-value";
  private final HttpSchemaRegistry registry = new HttpSchemaRegistry(SharedCluster.cluster().registryUrl(), Map.of());

  @Test
  void aNewRequiredFieldWithoutDefaultIsRefusedWith409NamingTheSubject() {
    // given: UsageEvent's current schema registered under a fresh subject
    registry.register(subject, UsageEvent.getClassSchema());

    // when / then: a version that adds a required field (no default) cannot read the old data: refused
    Schema incompatible = withField(UsageEvent.getClassSchema(), "region", false);
    assertThatThrownBy(() -> registry.register(subject, incompatible))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("409")
        .hasMessageContaining(subject);
  }

  @Test
  void aChangedFieldTypeIsRefused() {
    // given
    registry.register(subject, UsageEvent.getClassSchema());

    // when / then
    Schema changedType = withCountAsString(UsageEvent.getClassSchema());
    assertThat(changedType.getField("count").schema().getType()).isEqualTo(Schema.Type.STRING);
    assertThatThrownBy(() -> registry.register(subject, changedType))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("409")
        .hasMessageContaining(subject);
  }

  @Test
  void aNewFieldWithADefaultIsAcceptedAsANewVersion() {
    // given
    int first = registry.register(subject, UsageEvent.getClassSchema());

    // when
    int second = registry.register(subject, withField(UsageEvent.getClassSchema(), "region", true));

    // then
    assertThat(second).isNotEqualTo(first);
  }

  /** The record with one more string field, required or with the default "unknown". */
  private static Schema withField(Schema record, String name, boolean withDefault) {
    ObjectNode json = parse(record);
    ObjectNode field = ((ArrayNode) json.get("fields")).addObject().put("name", name).put("type", "string");
    if (withDefault) {
      field.put("default", "unknown");
    }
    return new Schema.Parser().parse(json.toString());
  }

  /** The record with {@code count} a string instead of an int (its default follows). */
  private static Schema withCountAsString(Schema record) {
    ObjectNode json = parse(record);
    json.get("fields").forEach(field -> {
      if (field.path("name").asText().equals("count")) {
        ((ObjectNode) field).put("type", "string").put("default", "1");
      }
    });
    return new Schema.Parser().parse(json.toString());
  }

  private static ObjectNode parse(Schema schema) {
    try {
      return (ObjectNode) JSON.readTree(schema.toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
