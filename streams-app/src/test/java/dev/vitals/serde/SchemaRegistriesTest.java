package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistriesTest {

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistryScope.drop("factory");
  }

  @Test
  void mockUrlGivesTheScopedMockRegistry() {
    assertThat(SchemaRegistries.forUrl("mock://factory", Map.of()))
        .isSameAs(MockSchemaRegistryScope.get("factory"));
  }

  @Test
  void httpAndHttpsUrlsGiveTheHttpClient() {
    assertThat(SchemaRegistries.forUrl("http://127.0.0.1:8081", Map.of())).isInstanceOf(HttpSchemaRegistry.class);
    assertThat(SchemaRegistries.forUrl("https://registry.example.com/apis/ccompat/v7", Map.of()))
        .isInstanceOf(HttpSchemaRegistry.class)
        .hasToString("https://registry.example.com/apis/ccompat/v7");
  }

  @Test
  void otherSchemesAreRejectedClearly() {
    assertThatThrownBy(() -> SchemaRegistries.forUrl("ftp://registry:21", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported schema.registry.url 'ftp://registry:21': use http(s)://host:port[/path] or mock://NAME");
    assertThatThrownBy(() -> SchemaRegistries.forUrl("localhost:8081", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingUrlIsRejectedClearly() {
    assertThatThrownBy(() -> new VitalsSerdes(new HashMap<String, Object>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema.registry.url is not set");
  }

  @Test
  void mockWithoutNameIsRejected() {
    assertThatThrownBy(() -> SchemaRegistries.forUrl("mock://", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mock://NAME");
  }

  @Test
  void badSettingsNameTheirKey() {
    assertThatThrownBy(() -> new VitalsSerdes(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://factory",
            SerdeConfig.AUTO_REGISTER_SCHEMAS, "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auto.register.schemas");
    assertThatThrownBy(() -> SchemaRegistries.forUrl("http://127.0.0.1:8081",
            Map.of(SerdeConfig.REQUEST_TIMEOUT_MS, "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SerdeConfig.REQUEST_TIMEOUT_MS);
    assertThatThrownBy(() -> SchemaRegistries.forUrl("http://127.0.0.1:8081",
            Map.of(SerdeConfig.BASIC_AUTH_USER_INFO, "no-colon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user:password");
  }

  @Test
  void stringAndBytesSerdesAreKafkasOwn() {
    VitalsSerdes serdes = VitalsSerdes.mock("factory");

    assertThat(serdes.string().serializer().serialize("t", "acme")).containsExactly('a', 'c', 'm', 'e');
    assertThat(serdes.bytes().deserializer().deserialize("t", new byte[] {1, 2})).containsExactly(1, 2);
  }
}
