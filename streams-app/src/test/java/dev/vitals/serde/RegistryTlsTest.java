package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTlsTest {

  @Test
  void shouldUseTheJdkDefaultsWhenNoStoreIsConfigured() {
    assertThat(RegistryTls.context(Map.of("schema.registry.url", "https://registry.example:8081"))).isEmpty();
  }

  @Test
  void shouldBuildAContextFromAConfiguredTrustStore(@TempDir Path dir) throws Exception {
    Path trustStore = dir.resolve("trust.p12");
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    try (var out = Files.newOutputStream(trustStore)) {
      empty.store(out, "changeit".toCharArray());
    }

    var context = RegistryTls.context(Map.of(
        RegistryTls.TRUSTSTORE_LOCATION, trustStore.toString(),
        RegistryTls.TRUSTSTORE_PASSWORD, "changeit",
        RegistryTls.TRUSTSTORE_TYPE, "PKCS12"));

    assertThat(context).isPresent();
    assertThat(context.get().getProtocol()).isEqualTo("TLS");
  }

  @Test
  void shouldNameTheKeyWhenTheTrustStoreCannotBeRead(@TempDir Path dir) {
    String missing = dir.resolve("missing.p12").toString();

    assertThatThrownBy(() -> RegistryTls.context(Map.of(RegistryTls.TRUSTSTORE_LOCATION, missing)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(RegistryTls.TRUSTSTORE_LOCATION)
        .hasMessageContaining("missing.p12");
  }
}
