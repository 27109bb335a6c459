package dev.vitals.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.serde.HttpSchemaRegistry;
import dev.vitals.serde.MockSchemaRegistry;
import dev.vitals.serde.PortableSchema;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.TopicNames;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class OutputContractsTest {
  private final TopicNames topics = TopicNames.defaults();

  @Test
  void registersTheHealthAndAlertValueSchemasUnderTheirTopicsSubjects() {
    // given
    MockSchemaRegistry registry = new MockSchemaRegistry("output-contracts");

    // when
    OutputContracts.register(new VitalsSerdes(registry, true), topics);

    // then: as other languages see the schemas, which is what the serializers write under
    assertThat(registry.lookup(topics.health() + "-value", PortableSchema.of(AccountHealth.getClassSchema())))
        .isPresent();
    assertThat(registry.lookup(topics.alerts() + "-value", PortableSchema.of(ChurnAlert.getClassSchema())))
        .isPresent();
  }

  @Test
  void withoutAutoRegistrationAnOutputSchemaNotRegisteredStopsTheStartNamingItsSubject() {
    VitalsSerdes serdes = new VitalsSerdes(new MockSchemaRegistry("output-contracts-manual"), false);

    assertThatThrownBy(() -> OutputContracts.register(serdes, topics))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("'" + topics.health() + "-value'")
        .hasMessageContaining("auto.register.schemas is false");
  }

  @Test
  void aRegistryThatDoesNotAnswerAtStartDoesNotStopTheStart() {
    // given: a registry URL on a loopback port nobody listens on
    HttpSchemaRegistry away = new HttpSchemaRegistry("http://127.0.0.1:" + LoopbackPorts.free(),
        Map.of("schema.registry.connect.timeout.ms", "500"));

    // then: the serializer registers with the first record instead, retried as any registry outage
    assertThatNoException().isThrownBy(() -> OutputContracts.register(new VitalsSerdes(away, true), topics));
  }
}
