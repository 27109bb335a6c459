package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

  private static final String SCOPE = "round-trip";
  private final VitalsSerdes serdes = VitalsSerdes.mock(SCOPE);

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistryScope.drop(SCOPE);
  }

  static Stream<Arguments> everyContract() {
    return Stream.of(
        Arguments.of("vitals.usage", Records.usage()),
        Arguments.of("vitals.tickets", Records.ticket()),
        Arguments.of("vitals.billing", Records.billing()),
        Arguments.of("vitals.surveys", Records.survey()),
        Arguments.of("vitals.costs", Records.cost()),
        Arguments.of("vitals.accounts", Records.profile()),
        Arguments.of("vitals.account-health", Records.health()),
        Arguments.of("vitals.churn-alerts", Records.alert()));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("everyContract")
  void everyRecordTypeSurvivesARoundTripAndIsRegisteredUnderTopicValueSubject(String topic, SpecificRecord record) {
    // given
    Serde<SpecificRecord> serde = serdeFor(record);

    // when
    byte[] bytes = serde.serializer().serialize(topic, record);
    SpecificRecord back = serde.deserializer().deserialize(topic, bytes);

    // then
    assertThat(back).isEqualTo(record).isInstanceOf(record.getClass());
    assertThat(((MockSchemaRegistry) serdes.registry()).versions(topic + "-value"))
        .containsExactly(PortableSchema.of(record.getSchema()));
  }

  @Test
  void nullValuesStayNullBothWaysSoTombstonesPassThrough() {
    Serde<SpecificRecord> serde = serdeFor(Records.profile());

    assertThat(serde.serializer().serialize("vitals.accounts", null)).isNull();
    assertThat(serde.deserializer().deserialize("vitals.accounts", null)).isNull();
  }

  @Test
  void serdesOfOneFactoryShareOneRegistryAndTheSameNameMeansTheSameRegistry() {
    // given two factories on the same mock:// name
    VitalsSerdes other = new VitalsSerdes(java.util.Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE));

    // when one writes
    byte[] bytes = serdes.avro(dev.vitals.schema.UsageEvent.class).serializer().serialize("vitals.usage", Records.usage());

    // then the other reads it, through the same registry
    assertThat(other.registry()).isSameAs(serdes.registry());
    assertThat(other.avro(dev.vitals.schema.UsageEvent.class).deserializer().deserialize("vitals.usage", bytes))
        .isEqualTo(Records.usage());
  }

  @Test
  void sameSchemaOnTwoTopicsGetsOneIdAndTwoSubjects() {
    Serde<dev.vitals.schema.UsageEvent> serde = serdes.avro(dev.vitals.schema.UsageEvent.class);

    byte[] first = serde.serializer().serialize("vitals.usage", Records.usage());
    byte[] second = serde.serializer().serialize("vitals.usage-replay", Records.usage());

    assertThat(ConfluentWireFormat.schemaId(first)).isEqualTo(ConfluentWireFormat.schemaId(second));
    assertThat(((MockSchemaRegistry) serdes.registry()).subjects())
        .containsExactly("vitals.usage-replay-value", "vitals.usage-value");
  }

  @SuppressWarnings("unchecked")
  private Serde<SpecificRecord> serdeFor(SpecificRecord record) {
    return (Serde<SpecificRecord>) serdes.avro(record.getClass());
  }
}
