package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitals.broker.EmbeddedKafka;
import dev.vitals.broker.SaslSslListener;
import dev.vitals.runtime.EventPublisher;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.topology.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vitals against a broker that only lets clients in over TLS with SASL/SCRAM-SHA-512: a broker of its own (the
 * shared one stays open), certificates made here with keytool, the service a {@code run} JVM given its JAAS line and
 * API token through the environment, as an orchestrator passes secrets. Every Kafka client of the service (Streams'
 * own, the topic provisioner's admin) and the test's publisher and reader use the secured listener.
 */
@ExtendWith(SharedCluster.class)
class SecureBrokerIT {
  private static final String USER = "vitals-svc";
  private static final String PASSWORD = "scram-Pa55word-7f3a9c";
  private static final String STORE_PASSWORD = "store-Pa55word-41d2e8";
  private static final String API_TOKEN = "api-token-9b8c7d6e5f4a";

  @TempDir
  static Path brokerHome;

  private static BrokerCertificates certificates;
  private static EmbeddedKafka broker;

  @TempDir
  Path work;

  private RunJvm instance;

  @BeforeAll
  static void startSecuredBroker() throws Exception {
    certificates = BrokerCertificates.make(Files.createDirectories(brokerHome.resolve("tls")), STORE_PASSWORD);
    broker = new EmbeddedKafka(brokerHome.resolve("kafka"), 0,
        new SaslSslListener(certificates.keystore(), STORE_PASSWORD, Map.of(USER, PASSWORD))).start();
  }

  @AfterAll
  static void stopSecuredBroker() {
    if (broker != null) {
      broker.stop();
    }
  }

  @AfterEach
  void stopInstance() {
    if (instance != null) {
      instance.close();
    }
  }

  /**
   * Also the privacy check of issue 15 on a real pipeline over simulated accounts: account names and survey comments
   * reach the service (AccountProfile.name, SurveyResponse.comment) but never a metric label nor the INFO log.
   */
  @Test
  void theServiceComputesHealthOverSaslSslAndLeaksNoSecretNameOrComment() throws Exception {
    // given: a short history of eight accounts, and topics on the secured broker
    SharedCluster.Cluster cluster = SharedCluster.cluster();
    List<SpecificRecord> history =
        new HistorySimulator(11, 8, Instant.parse("2025-03-03T00:00:00Z"), 21).stream().toList();
    ItTopics topics = ItTopics.create(".secure-it", 1, broker.bootstrapServers(), cluster.registryUrl());
    Map<String, String> client = clientSettings(PASSWORD);

    // when: the service runs against the SASL_SSL listener (and checks the topics through it) and the history is
    // published there too
    InstanceSettings settings = secured("vitals-secure-it", topics);
    instance = RunJvm.in(work, settings)
        .withEnvironment("VITALS_KAFKA_SASL_JAAS_CONFIG", SaslSslListener.jaas(USER, PASSWORD))
        .withEnvironment("VITALS_KAFKA_SSL_TRUSTSTORE_PASSWORD", STORE_PASSWORD)
        .withEnvironment("VITALS_HTTP_TOKEN", API_TOKEN)
        .withProductionLogging()
        .withArguments("--create-topics", "1")
        .start();
    instance.awaitReady(Duration.ofSeconds(90));
    try (EventPublisher publisher =
        new EventPublisher(broker.saslSslBootstrapServers(), client, topics.events())) {
      history.forEach(publisher::publish);
      publisher.flush();
    }

    // then: every account of the history gets a health record, read back over SASL_SSL
    Set<String> accounts = ItTopics.accountsOf(history);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(healthAccounts(topics, client)).isEqualTo(accounts));

    // and: /metrics has series for the accounts, labelled by id, but no account name nor survey comment in them
    String scrape = await().atMost(Duration.ofSeconds(30)).until(() -> metrics(settings.httpPort()),
        text -> text.contains("vitals_account_health_score{"));
    Set<String> privateTexts = namesAndComments(history);
    assertThat(privateTexts).as("the history carries names and comments").hasSizeGreaterThan(accounts.size());
    for (String text : privateTexts) {
      assertThat(scrape).as("scrape holding " + text).doesNotContain(text);
    }
    instance.close();

    // and: the instance logged its configuration, and no secret is anywhere in what it wrote
    String written = Files.readString(instance.log());
    assertThat(written).contains("effective configuration").contains("security.protocol=SASL_SSL");
    assertThat(written).doesNotContain(PASSWORD).doesNotContain(SaslSslListener.jaas(USER, PASSWORD))
        .doesNotContain("ScramLoginModule").doesNotContain(STORE_PASSWORD).doesNotContain(API_TOKEN);
    // and the INFO log, which tells of accounts by id, tells no name nor comment
    for (String text : privateTexts) {
      assertThat(written).as("log holding " + text).doesNotContain(text);
    }
  }

  @Test
  void aWrongPasswordStopsTheServiceWithAClearAuthenticationError() throws Exception {
    // given: topics on the secured broker, and a service whose JAAS line carries a wrong password
    ItTopics topics = ItTopics.create(".secure-bad-it", 1, broker.bootstrapServers(),
        SharedCluster.cluster().registryUrl());
    InstanceSettings settings = secured("vitals-secure-bad-it", topics);

    // when it starts
    instance = RunJvm.in(work, settings)
        .withEnvironment("VITALS_KAFKA_SASL_JAAS_CONFIG", SaslSslListener.jaas(USER, PASSWORD + "-wrong"))
        .withEnvironment("VITALS_KAFKA_SSL_TRUSTSTORE_PASSWORD", STORE_PASSWORD)
        .withProductionLogging()
        .start();

    // then it exits non-zero within a bounded time, naming authentication as the cause, not hanging
    assertThat(instance.awaitExit(Duration.ofSeconds(60))).as("exit status").hasValueSatisfying(
        status -> assertThat(status).isNotZero());
    assertThat(Files.readString(instance.log()))
        .contains("vitals run: Kafka authentication failed")
        .contains("kafka.sasl.jaas.config")
        .doesNotContain(PASSWORD);
  }

  /** The instance's settings for the secured listener; the secrets themselves come through the environment. */
  private InstanceSettings secured(String applicationId, ItTopics topics) {
    InstanceSettings settings = new InstanceSettings(applicationId, broker.saslSslBootstrapServers(),
        SharedCluster.cluster().registryUrl(), work.resolve("state"), topics);
    clientSettings(PASSWORD).forEach((key, value) -> {
      if (!key.equals("sasl.jaas.config") && !key.equals("ssl.truststore.password")) {
        settings.with("kafka." + key, value);
      }
    });
    return settings;
  }

  private static Map<String, String> clientSettings(String password) {
    return SaslSslListener.clientSettings(USER, password, certificates.truststore(), STORE_PASSWORD);
  }

  /** The account names and survey comments of {@code history}: what no label or log line may carry. */
  private static Set<String> namesAndComments(List<SpecificRecord> history) {
    Set<String> texts = new java.util.TreeSet<>();
    for (SpecificRecord event : history) {
      if (event instanceof AccountProfile profile) {
        texts.add(profile.getName());
      } else if (event instanceof SurveyResponse survey && survey.getComment() != null) {
        texts.add(survey.getComment());
      }
    }
    return texts;
  }

  private static String metrics(int port) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .header("Authorization", "Bearer " + API_TOKEN).timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static Set<String> healthAccounts(ItTopics topics, Map<String, String> client) {
    Topic<String, AccountHealth> health = topics.topics().health();
    return TopicReader.readAll(broker.saslSslBootstrapServers(), client, health.name(),
            health.key().deserializer(), health.value().deserializer()).stream()
        .map(record -> record.value().getAccountId())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
