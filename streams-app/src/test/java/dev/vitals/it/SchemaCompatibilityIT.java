package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.UsageEvent;
import dev.vitals.serde.HttpSchemaRegistry;
import dev.vitals.serde.IncompatibleSchemaException;
import dev.vitals.testing.SchemaEdits;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real registry (BACKWARD, as Confluent's default) refuses an incompatible change of an event's schema. */
@ExtendWith(SharedCluster.class)
class SchemaCompatibilityIT {
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
    Schema string = Schema.create(Schema.Type.STRING);
    return SchemaEdits.withField(record,
        withDefault ? new Schema.Field(name, string, null, "unknown") : new Schema.Field(name, string));
  }

  /** The record with {@code count} a string instead of an int. */
  private static Schema withCountAsString(Schema record) {
    return SchemaEdits.withFieldType(record, "count", Schema.create(Schema.Type.STRING));
  }
}
