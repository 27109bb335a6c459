package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.UsageEvent;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutoRegisterTest {

  private static final String SCOPE = "auto-register";

  private final VitalsSerdes lookupOnly = new VitalsSerdes(Map.of(
      SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
      SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistryScope.drop(SCOPE);
  }

  @Test
  void withAutoRegisterOffAnUnregisteredSchemaFailsClearlyAndRegistersNothing() {
    Serde<UsageEvent> serde = lookupOnly.avro(UsageEvent.class);

    assertThatThrownBy(() -> serde.serializer().serialize("vitals.usage", Records.usage()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not registered under subject 'vitals.usage-value'")
        .hasMessageContaining("auto.register.schemas is false");
    assertThat(MockSchemaRegistryScope.get(SCOPE).subjects()).isEmpty();
  }

  @Test
  void withAutoRegisterOffAPreRegisteredSchemaIsUsedWithItsId() {
    // given the contract registered by the release pipeline, after another schema took id 1
    MockSchemaRegistry registry = MockSchemaRegistryScope.get(SCOPE);
    registry.register("other-value", Records.releasedVersion("SurveyResponse", 1));
    int id = registry.register("vitals.usage-value", PortableSchema.of(UsageEvent.getClassSchema()));

    // when
    byte[] bytes = lookupOnly.avro(UsageEvent.class).serializer().serialize("vitals.usage", Records.usage());

    // then
    assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(id).isEqualTo(2);
    assertThat(registry.versions("vitals.usage-value")).hasSize(1);
  }

  @Test
  void withAutoRegisterOffASchemaRegisteredOnlyUnderAnotherSubjectIsNotEnough() {
    MockSchemaRegistryScope.get(SCOPE).register("vitals.usage-replay-value",
        PortableSchema.of(UsageEvent.getClassSchema()));

    assertThatThrownBy(() -> lookupOnly.avro(UsageEvent.class).serializer().serialize("vitals.usage", Records.usage()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("vitals.usage-value");
  }

  @Test
  void autoRegisterIsOnByDefault() {
    VitalsSerdes serdes = new VitalsSerdes(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE));

    serdes.avro(UsageEvent.class).serializer().serialize("vitals.usage", Records.usage());

    assertThat(MockSchemaRegistryScope.get(SCOPE).subjects()).containsExactly("vitals.usage-value");
  }
}
