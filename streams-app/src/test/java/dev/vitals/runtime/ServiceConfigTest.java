package dev.vitals.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest {

  @Test
  void shouldLetTheEnvironmentOverrideTheFileAndPassKafkaSettingsThrough(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vitals.properties");
    Files.writeString(file, """
        bootstrap.servers=kafka-1:9092
        schema.registry.url=https://registry:8081
        kafka.security.protocol=SASL_SSL
        http.port=9000
        """);

    ServiceConfig config = ServiceConfig.load(file, Map.of(
        "VITALS_BOOTSTRAP_SERVERS", "kafka-2:9092",
        "VITALS_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
        "VITALS_BASIC_AUTH_USER_INFO", "ops:secret",
        "PATH", "/usr/bin"));

    assertThat(config.bootstrapServers()).isEqualTo("kafka-2:9092");
    assertThat(config.httpPort()).isEqualTo(9000);
    assertThat(config.advertisedServer()).isEqualTo("127.0.0.1:9000");
    assertThat(config.kafkaOverrides()).containsEntry("security.protocol", "SASL_SSL")
        .containsKey("sasl.jaas.config");
    assertThat(config.registryClientConfig()).containsEntry("basic.auth.user.info", "ops:secret")
        .containsEntry("schema.registry.url", "https://registry:8081");
  }

  @Test
  void shouldNameTheMissingSettingAndItsVariable() {
    assertThatThrownBy(() -> ServiceConfig.load(null, Map.of("VITALS_BOOTSTRAP_SERVERS", "k:9092")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("configuration: schema.registry.url: required (set it in the properties file or"
            + " VITALS_SCHEMA_REGISTRY_URL)");
  }

  @Test
  void shouldMaskSecretsAndRegistryCredentialsInTheLoggedConfiguration() {
    Map<String, Object> masked = Secrets.masked(Map.of(
        "sasl.jaas.config", "PlainLoginModule required password=hunter2;",
        "ssl.truststore.password", "changeit",
        "basic.auth.user.info", "ops:secret",
        "bootstrap.servers", "kafka:9092"));

    assertThat(masked).containsEntry("sasl.jaas.config", Secrets.MASK)
        .containsEntry("ssl.truststore.password", Secrets.MASK)
        .containsEntry("basic.auth.user.info", Secrets.MASK)
        .containsEntry("bootstrap.servers", "kafka:9092");
    assertThat(ConfigText.withoutUserInfo("https://ops:secret@registry:8081/apis/ccompat/v7"))
        .isEqualTo("https://******@registry:8081/apis/ccompat/v7");
  }

  @Test
  void shouldReadTheApiTokenFromTheEnvironmentAndNeverLogIt() {
    String token = "api-token-0123456789abcdef";
    ServiceConfig config = ServiceConfig.load(null, Map.of(
        "VITALS_BOOTSTRAP_SERVERS", "k:9092",
        "VITALS_SCHEMA_REGISTRY_URL", "http://registry:8081",
        "VITALS_HTTP_TOKEN", token));

    assertThat(config.httpToken().required()).isTrue();
    assertThat(config.toString()).doesNotContain(token);
    assertThat(Secrets.masked(ConfigText.flatten(config, new java.util.Properties())).toString())
        .doesNotContain(token).contains("http.token=" + Secrets.MASK);
  }

  @Test
  void shouldLeaveTheApiOpenWithoutAToken() {
    ServiceConfig config = ServiceConfig.load(null, Map.of(
        "VITALS_BOOTSTRAP_SERVERS", "k:9092",
        "VITALS_SCHEMA_REGISTRY_URL", "http://registry:8081"));

    assertThat(config.httpToken().required()).isFalse();
  }

  @Test
  void shouldLogNoSecretWhenEveryKindOfSecretIsSet() {
    // given: every secret an instance can be given, through the environment as an orchestrator passes them
    Map<String, String> secrets = Map.of(
        "VITALS_KAFKA_SASL_JAAS_CONFIG",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"jaas-pw-1\";",
        "VITALS_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-pw-2",
        "VITALS_KAFKA_SSL_KEYSTORE_PASSWORD", "keystore-pw-3",
        "VITALS_KAFKA_SSL_KEY_PASSWORD", "key-pw-4",
        "VITALS_KAFKA_SSL_KEYSTORE_KEY", "-----BEGIN PRIVATE KEY-----pem-key-5",
        "VITALS_BASIC_AUTH_USER_INFO", "ops:registry-pw-6",
        "VITALS_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "registry-trust-pw-7",
        "VITALS_HTTP_TOKEN", "api-token-8-0123456789");
    Map<String, String> environment = new java.util.HashMap<>(secrets);
    environment.put("VITALS_BOOTSTRAP_SERVERS", "kafka:9093");
    environment.put("VITALS_SCHEMA_REGISTRY_URL", "https://ops:url-pw-9@registry:8081/apis/ccompat/v7");
    environment.put("VITALS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    ServiceConfig config = ServiceConfig.load(null, environment);

    // when the effective configuration is rendered for the start-up log
    String logged = ConfigText.forLog(config, StreamsSettings.of(config));

    // then it names every setting but shows none of the secrets
    assertThat(logged).contains("security.protocol=SASL_SSL", "sasl.jaas.config=" + Secrets.MASK,
        "ssl.truststore.password=" + Secrets.MASK, "basic.auth.user.info=" + Secrets.MASK,
        "http.token=" + Secrets.MASK, "registry:8081");
    for (String secret : List.of("jaas-pw-1", "ScramLoginModule", "trust-pw-2", "keystore-pw-3", "key-pw-4",
        "pem-key-5", "registry-pw-6", "registry-trust-pw-7", "api-token-8-0123456789", "url-pw-9")) {
      assertThat(logged).as(secret).doesNotContain(secret);
    }
  }
}
