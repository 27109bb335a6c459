package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vitals.events.EventType;
import dev.vitals.runtime.VitalsService;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.UsageEvent;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.HttpSchemaRegistry;
import dev.vitals.serde.IncompatibleSchemaException;
import dev.vitals.serde.PortableSchema;
import dev.vitals.serde.SchemaRegistry;
import dev.vitals.serde.TopicNameStrategy;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.ReleasedContracts;
import dev.vitals.testing.SchemaEdits;
import dev.vitals.testing.TestScoring;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contracts evolve while the pipeline runs, against the real registry (BACKWARD, as Confluent's default):
 *
 * <ul>
 *   <li>inputs: half-way through, upstream moves usage and surveys to a newer version than this release knows (one
 *       more field, with a default) and goes on publishing under the new schema ids; the pipeline, which has never
 *       seen those ids, reads them as the version it knows, and nothing is dead-lettered or lost;
 *   <li>outputs: the health and alert subjects already hold the previous released versions, as they do when a
 *       release is upgraded; the pipeline's current versions are accepted after them, and a consumer that still has
 *       only a released version reads the new records;
 *   <li>and an output version the registry refuses stops the start, before anything is consumed.
 * </ul>
 *
 * <p>One pipeline run, before the tests, on topics of its own.
 */
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaEvolutionIT {
  private static final int ACCOUNTS = 10;
  private static final int DAYS = 30;
  /** The released versions the output consumers are on. */
  private static final Schema RELEASED_HEALTH = ReleasedContracts.version("AccountHealth", 2);
  private static final Schema RELEASED_ALERT = ReleasedContracts.version("ChurnAlert", 1);

  private SharedCluster.Cluster cluster;
  private ItTopics topics;
  private List<SpecificRecord> history;
  private CompletableFuture<Outcome> replay;
  private VitalsService service;
  private NewerInputVersion newerUsage;
  private NewerInputVersion newerSurveys;
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();

  @BeforeAll
  void runThePipelineWhileItsContractsEvolve() throws Exception {
    cluster = SharedCluster.cluster();
    Path work = Files.createTempDirectory("vitals-evolution-it");
    // A month of event time published in seconds: the grace period covers the history, as in PipelineOnBrokerIT,
    // so that Kafka Streams' best-effort ordering across topics cannot make a late event of what is compared.
    ScoringConfig scoring = TestScoring.fromDefaultReplacing("grace: P7D", "grace: P45D");
    history = new HistorySimulator(29, ACCOUNTS, Instant.parse("2025-05-05T00:00:00Z"), DAYS).stream().toList();
    replay = ReplayOracle.inBackground(history, work.resolve("oracle"), scoring);
    topics = ItTopics.create(".evolution-it", 1, cluster.bootstrapServers(), cluster.registryUrl());
    SchemaRegistry upstream = new HttpSchemaRegistry(cluster.registryUrl(), Map.of());

    // given: the output subjects hold the previous released versions, as after a run of the previous release
    upstream.register(valueSubject(topics.names().health()), RELEASED_HEALTH);
    upstream.register(valueSubject(topics.names().alerts()), RELEASED_ALERT);

    // when: the pipeline runs, the first half of the history arrives in the current input versions...
    InstanceSettings settings = new InstanceSettings("vitals-evolution-it", cluster.bootstrapServers(),
        cluster.registryUrl(), work.resolve("state"), topics);
    service = new VitalsService(settings.config(), scoring,
        new VitalsSerdes(Map.of("schema.registry.url", cluster.registryUrl()))).start();
    int half = history.size() / 2;
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      history.subList(0, half).forEach(event -> send(producer, event, topics.events().serialize(event)));
      producer.flush();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> !TopicReader.readAll(cluster.bootstrapServers(), topics.topics().health()).isEmpty());

      // ...then upstream registers newer usage and survey versions (accepted as BACKWARD) and writes the rest in them
      newerUsage = NewerInputVersion.register(upstream, topics.names().usage(), UsageEvent.getClassSchema(),
          "region", "eu-west-1");
      newerSurveys = NewerInputVersion.register(upstream, topics.names().surveys(),
          SurveyResponse.getClassSchema(), "channel", "in-app");
      history.subList(half, history.size()).forEach(event -> send(producer, event, newerFraming(event)));
      producer.flush();
    }
    assertThat(sendFailure.get()).as("publishing").isNull();
  }

  @AfterAll
  void stopService() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void eventsOfANewerInputVersionArriveMidRunAndAreReadAsTheCurrentOneWithNothingDeadLetteredOrLost() {
    // the switch really happened: both topics hold records under the current and under the newer schema id
    assertThat(schemaIds(topics.names().usage()))
        .containsKey(newerUsage.schemaId()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(schemaIds(topics.names().surveys()))
        .containsKey(newerSurveys.schemaId()).hasSizeGreaterThanOrEqualTo(2);

    Outcome expected = awaitOutputsEqualReplay();
    assertThat(expected.finalHealth().keySet()).isEqualTo(ItTopics.accountsOf(history));
    assertThat(expected.openAlerts()).as("a history with alerts, so the comparison means something").isNotEmpty();
  }

  @Test
  void theCurrentOutputVersionsAreAcceptedAfterTheReleasedOnesAndAConsumerOnAReleasedVersionReadsEveryFieldItKnows() {
    awaitOutputsEqualReplay();
    SchemaRegistry consumersRegistry = new HttpSchemaRegistry(cluster.registryUrl(), Map.of());
    ReleasedVersionReader healthReader = new ReleasedVersionReader(consumersRegistry, RELEASED_HEALTH);
    ReleasedVersionReader alertReader = new ReleasedVersionReader(consumersRegistry, RELEASED_ALERT);

    // then: the pipeline wrote under its current versions, which the registry accepted after the released ones
    int currentHealth = consumersRegistry.lookup(valueSubject(topics.names().health()),
        PortableSchema.of(AccountHealth.getClassSchema())).orElseThrow();
    int currentAlert = consumersRegistry.lookup(valueSubject(topics.names().alerts()),
        PortableSchema.of(ChurnAlert.getClassSchema())).orElseThrow();
    assertThat(schemaIds(topics.names().health())).containsOnlyKeys(currentHealth);
    assertThat(schemaIds(topics.names().alerts())).containsOnlyKeys(currentAlert);

    // and a consumer on the released versions reads every record, each field it knows as the writer wrote it
    List<byte[]> health = rawValues(topics.names().health());
    List<byte[]> alerts = rawValues(topics.names().alerts());
    assertThat(health).hasSizeGreaterThanOrEqualTo(ACCOUNTS);
    assertThat(alerts).isNotEmpty();
    health.forEach(healthReader::assertReadsEveryKnownField);
    alerts.forEach(alertReader::assertReadsEveryKnownField);
    assertThat(healthReader.fieldsItSkipped()).as("fields only the current version has, present and skipped")
        .contains("adoption");
  }

  @Test
  void anOutputContractTheRegistryRefusesStopsTheStartBeforeAnythingIsConsumed() throws Exception {
    // given: under the health subject, a version whose score is text, which the current version cannot read
    ItTopics refused = ItTopics.create(".evolution-refused-it", 1, cluster.bootstrapServers(), cluster.registryUrl());
    String subject = valueSubject(refused.names().health());
    new HttpSchemaRegistry(cluster.registryUrl(), Map.of()).register(subject, withScoreAsText());
    InstanceSettings settings = new InstanceSettings("vitals-evolution-refused-it", cluster.bootstrapServers(),
        cluster.registryUrl(), Files.createTempDirectory("vitals-evolution-refused-it"), refused);

    // when / then: the start fails, naming the subject, and Kafka Streams never started
    try (VitalsService refusedService = new VitalsService(settings.config(), ScoringConfig.defaults(),
        new VitalsSerdes(Map.of("schema.registry.url", cluster.registryUrl())))) {
      assertThatThrownBy(refusedService::start)
          .isInstanceOf(IncompatibleSchemaException.class)
          .hasMessageContaining(subject);
      assertThat(refusedService.state()).isEqualTo(KafkaStreams.State.CREATED);
    }
  }

  private Outcome awaitOutputsEqualReplay() {
    Outcome expected = replay.join();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(topics.deadLetters(cluster.bootstrapServers())).as("dead letters").isEmpty();
      Outcome actual = topics.observed(cluster.bootstrapServers());
      assertThat(actual.finalHealth()).isEqualTo(expected.finalHealth());
      assertThat(actual.openAlerts()).isEqualTo(expected.openAlerts());
    });
    return expected;
  }

  /** Usage and survey events in the newer versions; the other types stay on the current ones. */
  private byte[] newerFraming(SpecificRecord event) {
    return switch (EventType.of(event)) {
      case USAGE -> newerUsage.frame((SpecificRecordBase) event);
      case SURVEY -> newerSurveys.frame((SpecificRecordBase) event);
      default -> topics.events().serialize(event);
    };
  }

  private void send(KafkaProducer<byte[], byte[]> producer, SpecificRecord event, byte[] value) {
    producer.send(new ProducerRecord<>(topics.events().topicOf(EventType.of(event)),
        EventType.accountId(event).getBytes(StandardCharsets.UTF_8), value), (metadata, error) -> {
          if (error != null) {
            sendFailure.compareAndSet(null, error);
          }
        });
  }

  private KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** How many records of {@code topic} carry each schema id. */
  private Map<Integer, Long> schemaIds(String topic) {
    return ReleasedVersionReader.schemaIds(rawValues(topic));
  }

  private List<byte[]> rawValues(String topic) {
    return TopicReader.readAll(cluster.bootstrapServers(), topic,
            new ByteArrayDeserializer(), new ByteArrayDeserializer())
        .stream().map(record -> record.value()).toList();
  }

  /** AccountHealth with its score as a string: a change no BACKWARD registry lets the current version follow. */
  private static Schema withScoreAsText() {
    return SchemaEdits.withFieldType(PortableSchema.of(AccountHealth.getClassSchema()), "score",
        Schema.create(Schema.Type.STRING));
  }

  private static String valueSubject(String topic) {
    return TopicNameStrategy.subject(topic, false);
  }
}
