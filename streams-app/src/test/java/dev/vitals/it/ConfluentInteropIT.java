package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.it.interop.NodeScript;
import dev.vitals.it.interop.OpenAlerts;
import dev.vitals.it.interop.PortableSchemas;
import dev.vitals.json.AvroJson;
import dev.vitals.replay.Replay;
import dev.vitals.replay.ReplaySummary;
import dev.vitals.runtime.ServiceConfig;
import dev.vitals.runtime.TopicLayout;
import dev.vitals.runtime.TopicProvisioner;
import dev.vitals.runtime.VitalsService;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.ConfluentAvroDeserializer;
import dev.vitals.serde.ConfluentAvroSerializer;
import dev.vitals.serde.HttpSchemaRegistry;
import dev.vitals.serde.SchemaRegistry;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.topology.TopicNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vitals speaks the Confluent wire format both ways, proven with code nobody in this project wrote: Confluent's
 * own JavaScript serde ({@code @confluentinc/schemaregistry}) and kafkajs, run by the scripts in {@code interop/},
 * against the real broker and the real registry of {@link SharedCluster}.
 *
 * <ol>
 *   <li>A simulated history of every input type (usage, tickets, billing, surveys, costs, account profiles),
 *       serialized by Confluent's AvroSerializer and produced by kafkajs, is processed by a {@link VitalsService};
 *       its final health per account and its open alerts equal those of {@link Replay} over the same JSON lines.
 *   <li>Every record Vitals wrote to the health and alert topics decodes with Confluent's AvroDeserializer, as many
 *       as Java's consumer reads, and to the same account, score and alert.
 *   <li>For a fixed record and schema under one subject, Vitals' serializer and Confluent's write the same bytes.
 * </ol>
 *
 * <p>The pipeline run (1) happens once, before the tests, on topics of its own.
 */
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfluentInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ACCOUNTS = 8;
  private static final int DAYS = 30;
  // One partition: dormancy is measured against each task's event clock, so only then is replay's answer exact.
  private static final int PARTITIONS = 1;
  private static final Duration NODE_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(5);

  private SharedCluster.Cluster cluster;
  private Path work;
  private NodeScript node;
  private TopicNames topics;
  private ReplaySummary replay;
  private Path replayOut;
  private SchemaRegistry registry;
  private final List<AccountHealth> healthRecords = new ArrayList<>();
  private final List<ChurnAlert> alertRecords = new ArrayList<>();
  private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
  private Map<String, Long> producedPerTopic;

  @BeforeAll
  void runThePipelineOnConfluentProducedEvents() throws Exception {
    cluster = SharedCluster.cluster();
    work = Files.createTempDirectory("vitals-interop");
    node = new NodeScript(NodeScript.interopDir(), work);
    registry = new HttpSchemaRegistry(cluster.registryUrl(), Map.of());

    // The history: every input type, ending yesterday so that no event is in the future.
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS + 1));
    Path events = work.resolve("events.jsonl");
    try (Writer out = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      new HistorySimulator(7, ACCOUNTS, start, DAYS).writeJsonLines(out);
    }
    assertThat(typesIn(events)).containsOnlyKeys("usage", "ticket", "billing", "survey", "account", "cost");

    // What replay makes of it.
    replayOut = work.resolve("replay");
    StringWriter diagnostics = new StringWriter();
    replay = new Replay(ScoringConfig.defaults()).run(events, replayOut, new PrintWriter(diagnostics, true));
    assertThat(replay.rejected()).as("replay rejections: %s", diagnostics).isZero();

    // Fresh topics, then the events through Confluent's serializer and kafkajs.
    String prefix = "interop-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    TopicNames d = TopicNames.defaults();
    topics = new TopicNames(prefix + d.usage(), prefix + d.tickets(), prefix + d.billing(), prefix + d.surveys(),
        prefix + d.accounts(), prefix + d.costs(), prefix + d.health(), prefix + d.alerts(), prefix + d.deadLetters());
    TopicProvisioner.ensure(cluster.bootstrapServers(), Map.of(), TopicLayout.of(topics, PARTITIONS, (short) 1));
    Path schemas = PortableSchemas.writeInputSchemas(work.resolve("schemas"));
    List<String> produced = node.run(NODE_TIMEOUT, "produce-events.js",
        "--bootstrap", cluster.bootstrapServers(),
        "--registry", cluster.registryUrl(),
        "--events", events.toString(),
        "--schemas", schemas.toString(),
        "--topics", String.join(",", "usage=" + topics.usage(), "ticket=" + topics.tickets(),
            "billing=" + topics.billing(), "survey=" + topics.surveys(), "account=" + topics.accounts(),
            "cost=" + topics.costs()));
    JsonNode summary = JSON.readTree(produced.get(produced.size() - 1));
    producedPerTopic = new TreeMap<>();
    summary.path("produced").fields().forEachRemaining(e -> producedPerTopic.put(e.getKey(), e.getValue().asLong()));
    assertThat(producedPerTopic.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(replay.lines());

    // Vitals, with its serdes on the real registry, until it has consumed everything and stopped writing.
    String applicationId = prefix + "vitals";
    Map<String, String> settings = new TreeMap<>(Map.of(
        "application.id", applicationId,
        "bootstrap.servers", cluster.bootstrapServers(),
        "schema.registry.url", cluster.registryUrl(),
        "state.dir", work.resolve("state").toString(),
        "http.port", "0"));
    settings.putAll(Map.of("topic.usage", topics.usage(), "topic.tickets", topics.tickets(),
        "topic.billing", topics.billing(), "topic.surveys", topics.surveys(), "topic.accounts", topics.accounts(),
        "topic.costs", topics.costs(), "topic.health", topics.health(), "topic.alerts", topics.alerts(),
        "topic.dlq", topics.deadLetters()));
    ServiceConfig config = ServiceConfig.fromSettings(settings, "ConfluentInteropIT");
    VitalsSerdes serdes = new VitalsSerdes(config.registryClientConfig());
    try (VitalsService service = new VitalsService(config, ScoringConfig.defaults(), serdes).start()) {
      awaitInputsConsumed(applicationId);
      awaitHealthAsReplayed();
    }

    healthRecords.addAll(values(TopicReader.readAll(cluster.bootstrapServers(), topics.health(), new StringDeserializer(),
        new ConfluentAvroDeserializer<>(registry, AccountHealth.class))));
    alertRecords.addAll(values(TopicReader.readAll(cluster.bootstrapServers(), topics.alerts(), new StringDeserializer(),
        new ConfluentAvroDeserializer<>(registry, ChurnAlert.class))));
    deadLetters.addAll(TopicReader.readAll(cluster.bootstrapServers(), topics.deadLetters(), new StringDeserializer(),
        new ByteArrayDeserializer()));
    System.out.printf("produced by kafkajs %s; replay %s; Vitals wrote %d health and %d alert records%n",
        producedPerTopic, replay, healthRecords.size(), alertRecords.size());
  }

  @AfterAll
  void removeWorkFiles() throws IOException {
    if (work != null) {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void everyInputTypeWentThroughConfluentsSerializer() {
    assertThat(producedPerTopic).containsOnlyKeys(topics.usage(), topics.tickets(), topics.billing(),
        topics.surveys(), topics.accounts(), topics.costs());
    assertThat(producedPerTopic.values()).allMatch(count -> count > 0);
    assertThat(deadLetters).as("records Vitals refused (dead letters)").isEmpty();
  }

  @Test
  void finalHealthPerAccountEqualsReplay() throws IOException {
    Map<String, String> live = liveHealth(healthRecords);
    Map<String, String> replayed = replayedHealth();
    assertThat(replayed).hasSize(ACCOUNTS);
    assertThat(live).isEqualTo(replayed);
  }

  @Test
  void openAlertsEqualReplay() throws IOException {
    List<JsonNode> replayed = new ArrayList<>();
    for (String line : Files.readAllLines(replayOut.resolve("alerts.jsonl"))) {
      replayed.add(JSON.readTree(line));
    }
    Map<String, String> expected = OpenAlerts.of(replayed);
    assertThat(expected).as("replay raised no alert: the history should exercise alerts").isNotEmpty();
    assertThat(OpenAlerts.of(alertRecords.stream().map(AvroJson::tree).toList())).isEqualTo(expected);
  }

  @Test
  void everyHealthRecordDecodesWithConfluentsDeserializer() throws Exception {
    List<JsonNode> decoded = decodeWithConfluent(topics.health());
    assertThat(decoded).hasSameSizeAs(healthRecords).isNotEmpty();
    assertThat(decoded.stream().map(r -> r.path("value").path("accountId").asText() + " "
        + r.path("value").path("score").asDouble() + " " + r.path("value").path("band").asText()).sorted().toList())
        .isEqualTo(healthRecords.stream().map(h -> h.getAccountId() + " " + h.getScore() + " " + h.getBand())
            .sorted().toList());
  }

  @Test
  void everyAlertDecodesWithConfluentsDeserializer() throws Exception {
    List<JsonNode> decoded = decodeWithConfluent(topics.alerts());
    assertThat(decoded).hasSameSizeAs(alertRecords).isNotEmpty();
    assertThat(decoded.stream().map(r -> r.path("value").path("alertId").asText() + " "
        + r.path("value").path("rule").asText() + " " + r.path("value").path("state").asText()).sorted().toList())
        .isEqualTo(alertRecords.stream().map(a -> a.getAlertId() + " " + a.getRule() + " " + a.getState())
            .sorted().toList());
  }

  /**
   * Vitals registers the contract (auto-registration, without Java-only properties); Confluent's client, registering
   * the contract as a non-Java producer holds it, gets the same id, and Confluent's serializer writes the same bytes.
   */
  @Test
  void sameBytesAsConfluentsSerializerForARecordVitalsRegistered() throws Exception {
    String topic = "interop-bytes-" + UUID.randomUUID();
    byte[] vitals = new ConfluentAvroSerializer<UsageEvent>(registry, true, false).serialize(topic, fixedUsage());
    JsonNode confluent = serializeWithConfluent(topic, PortableSchemas.portable(UsageEvent.getClassSchema()), true);

    assertThat(confluent.path("registeredId").asInt()).isEqualTo(ByteBuffer.wrap(vitals, 1, 4).getInt());
    assertThat(confluent.path("hex").asText()).isEqualTo(HexFormat.of().formatHex(vitals));
  }

  /**
   * A non-Java producer registers the contract first, as it holds it (no {@code avro.java.string}); Vitals,
   * auto-registering, finds that very version: one id, the same bytes.
   */
  @Test
  void sameBytesAsConfluentsSerializerForASchemaConfluentRegistered() throws Exception {
    String topic = "interop-bytes-" + UUID.randomUUID();
    JsonNode confluent = serializeWithConfluent(topic, PortableSchemas.portable(UsageEvent.getClassSchema()), true);
    byte[] vitals = new ConfluentAvroSerializer<UsageEvent>(registry, true, false).serialize(topic, fixedUsage());

    assertThat(HexFormat.of().formatHex(vitals)).isEqualTo(confluent.path("hex").asText());
  }

  /**
   * With {@code auto.register.schemas=false} (contracts registered by a release job from the .avsc files, or by a
   * producer in another language), Vitals' serializer looks the contract up and finds that version.
   */
  @Test
  void lookupOnlySerializerFindsASchemaConfluentRegistered() throws Exception {
    String topic = "interop-bytes-" + UUID.randomUUID();
    JsonNode confluent = serializeWithConfluent(topic, PortableSchemas.portable(UsageEvent.getClassSchema()), true);
    byte[] vitals = new ConfluentAvroSerializer<UsageEvent>(registry, false, false).serialize(topic, fixedUsage());

    assertThat(HexFormat.of().formatHex(vitals)).isEqualTo(confluent.path("hex").asText());
  }

  private static UsageEvent fixedUsage() {
    return UsageEvent.newBuilder()
        .setEventId("evt-interop-1")
        .setAccountId("acc-interop")
        .setOccurredAt(Instant.ofEpochMilli(1_767_225_600_123L))
        .setUserId("user-é-1") // non-ASCII: UTF-8 on both sides
        .setKind(UsageKind.API_CALL)
        .setFeature("/v1/exports")
        .setCount(300)
        .setErrorCount(-2)
        .build();
  }

  /** The same record in avsc's form (epoch milliseconds for timestamp-millis). */
  private JsonNode serializeWithConfluent(String topic, String schema, boolean register) throws Exception {
    Path schemaFile = Files.writeString(work.resolve(topic + ".avsc"), schema);
    Path recordFile = Files.writeString(work.resolve(topic + ".json"), """
        {"eventId": "evt-interop-1", "accountId": "acc-interop", "occurredAt": 1767225600123,
         "userId": "user-\u00e9-1", "kind": "API_CALL", "feature": "/v1/exports", "count": 300, "errorCount": -2}
        """);
    List<String> out = node.run(NODE_TIMEOUT, "serialize-one.js", "--registry", cluster.registryUrl(),
        "--topic", topic, "--schema", schemaFile.toString(), "--record", recordFile.toString(),
        "--register", Boolean.toString(register));
    return JSON.readTree(out.get(out.size() - 1));
  }

  private List<JsonNode> decodeWithConfluent(String topic) throws Exception {
    List<String> lines = node.run(NODE_TIMEOUT, "decode-topic.js", "--bootstrap", cluster.bootstrapServers(),
        "--registry", cluster.registryUrl(), "--topic", topic);
    List<JsonNode> decoded = new ArrayList<>();
    for (String line : lines) {
      decoded.add(JSON.readTree(line));
    }
    return decoded;
  }

  private void awaitInputsConsumed(String applicationId) throws Exception {
    List<String> inputs = List.of(topics.usage(), topics.tickets(), topics.billing(), topics.surveys(),
        topics.accounts(), topics.costs());
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
      for (var description : admin.describeTopics(inputs).allTopicNames().get().values()) {
        description.partitions().forEach(p ->
            latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
      }
      Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      // On timeout the assertion names the partitions still behind: committed offset vs end offset.
      Awaitility.await("Vitals consumes every input record").atMost(PIPELINE_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
            Map<String, String> behind = new TreeMap<>();
            ends.forEach((partition, end) -> {
              OffsetAndMetadata at = committed.get(partition);
              if (end > 0 && (at == null || at.offset() < end)) {
                behind.put(partition.toString(), (at == null ? "none" : at.offset()) + " < " + end);
              }
            });
            assertThat(behind).as("input partitions not yet consumed (committed < end)").isEmpty();
          });
    }
  }

  /** The pending accounts are emitted by a wall-clock punctuator: wait until the outputs stop growing. */
  /**
   * Waits until the last health record of every account equals replay's, or the pipeline timeout passes (the tests
   * then show the difference). Emission is per interval, after the input offsets are committed, so consumed input
   * alone does not mean finished output.
   */
  private void awaitHealthAsReplayed() throws IOException {
    Map<String, String> replayed = replayedHealth();
    try {
      Awaitility.await("Vitals' health equals replay's").atMost(PIPELINE_TIMEOUT)
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> liveHealth(TopicReader.readAll(cluster.bootstrapServers(), topics.health(),
              new StringDeserializer(), new ConfluentAvroDeserializer<>(registry, AccountHealth.class))
              .stream().map(ConsumerRecord::value).toList()).equals(replayed));
    } catch (ConditionTimeoutException e) {
      System.out.println("health did not converge to replay's within " + PIPELINE_TIMEOUT);
    }
  }

  private static Map<String, String> liveHealth(List<AccountHealth> records) {
    Map<String, String> live = new TreeMap<>();
    records.forEach(health -> live.put(health.getAccountId(), AvroJson.line(health)));
    return live;
  }

  private Map<String, String> replayedHealth() throws IOException {
    Map<String, String> replayed = new TreeMap<>();
    for (String line : Files.readAllLines(replayOut.resolve("health.jsonl"))) {
      replayed.put(JSON.readTree(line).path("accountId").asText(), JSON.readTree(line).toString());
    }
    return replayed;
  }

  private static Map<String, Long> typesIn(Path events) throws IOException {
    Map<String, Long> types = new TreeMap<>();
    for (String line : Files.readAllLines(events)) {
      types.merge(JSON.readTree(line).path("type").asText(), 1L, Long::sum);
    }
    return types;
  }

  private static <V> List<V> values(List<ConsumerRecord<String, V>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }
}
