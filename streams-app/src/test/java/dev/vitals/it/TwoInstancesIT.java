package dev.vitals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.kpi.KpiPeriod;
import dev.vitals.replay.Replay;
import dev.vitals.runtime.EventPublisher;
import dev.vitals.runtime.VitalsService;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.MetricsScrape;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of one application share the partitions: the REST API of either answers for every account
 * (forwarding to the owner), each exports in /metrics only the accounts it owns, and when one stops the other takes
 * over its work with its state, and its metrics. Both run with a bearer token ({@code http.token}): requests forwarded
 * between them must carry it, or the fanned-out answers would be 401s.
 */
@ExtendWith(SharedCluster.class)
class TwoInstancesIT {
  private static final int PARTITIONS = 4;
  /** Four account-topic partitions, the cost sub-topology's one, and four of the agent windows (keyed by agent). */
  private static final int TASKS = PARTITIONS + 1 + PARTITIONS;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "two-instances-it-token-0123456789";

  @TempDir
  Path work;

  private VitalsService first;
  private VitalsService second;

  @AfterEach
  void stopInstances() {
    for (VitalsService service : new VitalsService[] {first, second}) {
      if (service != null) {
        service.close();
      }
    }
  }

  @Test
  void eitherInstanceAnswersForEveryAccountAndTheSurvivorTakesOverWithItsState() throws IOException {
    // given: two instances of one application over four partitions, both running with work of their own
    SharedCluster.Cluster cluster = SharedCluster.cluster();
    HistorySimulator simulator = new HistorySimulator(23, 12, Instant.parse("2025-05-01T00:00:00Z"), 14);
    List<SpecificRecord> history = simulator.stream().toList();
    ItTopics topics = ItTopics.create(".two-it", PARTITIONS, cluster.bootstrapServers(), cluster.registryUrl());
    first = start(new InstanceSettings("vitals-two-it", cluster.bootstrapServers(), cluster.registryUrl(),
        work.resolve("state-1"), topics).with("http.token", TOKEN), cluster);
    second = start(new InstanceSettings("vitals-two-it", cluster.bootstrapServers(), cluster.registryUrl(),
        work.resolve("state-2"), topics).with("http.token", TOKEN), cluster);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(first.state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(activeTasks(first)).isNotEmpty();
      assertThat(activeTasks(second)).isNotEmpty();
      assertThat(activeTasks(first).size() + activeTasks(second).size()).isEqualTo(TASKS);
    });

    // when: the history is published and processed
    publish(cluster, topics, history);
    Set<String> accounts = simulator.archetypes().keySet();

    // then: each instance answers 200 for every account, with the health last committed to the health topic
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      Map<String, JsonNode> committed = topics.observed(cluster.bootstrapServers()).finalHealth();
      assertThat(committed.keySet()).isEqualTo(accounts);
      for (VitalsService instance : List.of(first, second)) {
        assertThat(healthOf(instance, accounts)).isEqualTo(committed);
      }
    });
    Map<String, JsonNode> before = healthOf(first, accounts);
    // and: each account is exported in /metrics by exactly one instance, its owner, and the totals add up
    Set<String> exportedByFirst = exportedAccounts(first);
    Set<String> exportedBySecond = exportedAccounts(second);
    assertThat(exportedByFirst).isNotEmpty().doesNotContainAnyElementsOf(exportedBySecond);
    assertThat(union(exportedByFirst, exportedBySecond)).isEqualTo(accounts);
    assertThat(accountsCounted(first) + accountsCounted(second)).isEqualTo(accounts.size());
    assertThat(get(first, "/accounts/acc-9999/health").statusCode()).isEqualTo(404);
    assertThat(get(second, "/accounts/acc-9999/health").statusCode()).isEqualTo(404);
    // and: with the token set, the list fanned out to both instances holds every account; without the token, or
    // with a wrong one, nothing but the probes answers
    HttpResponse<String> listed = get(second, "/accounts");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(JSON.readTree(listed.body()).size()).isEqualTo(accounts.size());
    for (String path : List.of("/accounts", "/accounts/" + accounts.iterator().next() + "/health", "/metrics")) {
      assertThat(get(first, path, null).statusCode()).as(path).isEqualTo(401);
      assertThat(get(first, path, "Bearer not-" + TOKEN).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(get(first, "/healthz", null).statusCode()).isEqualTo(200);
    assertThat(get(first, "/readyz", null).statusCode()).isEqualTo(200);
    // and: GET /kpis on either instance gathers both instances' shares into replay's kpis.json of the same events
    JsonNode replayedKpis = replayedKpis(simulator);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      for (VitalsService instance : List.of(first, second)) {
        HttpResponse<String> kpis = get(instance, "/kpis?period=90");
        assertThat(kpis.statusCode()).as(kpis.body()).isEqualTo(200);
        assertThat(JSON.readTree(kpis.body()).toPrettyString()).isEqualTo(replayedKpis.toPrettyString());
      }
    });
    assertThat(get(first, "/kpis?segment=TINY").statusCode()).isEqualTo(400);
    // and: the agent leaderboard, partitioned by agent, is the same whichever instance gathers it over the same
    // hours, and each agent's figures are fetched from its owner (the steps reach the agent windows through a
    // repartition topic, a commit after the health records: hence the wait)
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      JsonNode board = agents(first, "/agents?hours=168");
      String range = "?hours=168&until=" + board.path("until").asText();
      assertThat(board.path("agents").size()).as("agents on the board").isGreaterThan(1);
      assertThat(agents(second, "/agents" + range)).isEqualTo(board);
      for (JsonNode agent : board.path("agents")) {
        JsonNode one = agents(second, "/agents/" + agent.path("agentId").asText() + range);
        assertThat(one.path("ticketsResolved")).isEqualTo(agent.path("ticketsResolved"));
        assertThat(one.path("replies")).isEqualTo(agent.path("replies"));
      }
      // the latest poor ratings, gathered from both instances, latest first, with their comments
      JsonNode poor = agents(first, "/tickets/poor-ratings?limit=5");
      assertThat(poor.size()).isBetween(1, 5);
      assertThat(agents(second, "/tickets/poor-ratings?limit=5")).isEqualTo(poor);
      assertThat(poor).allSatisfy(rating -> assertThat(rating.path("score").asInt()).isBetween(1, 2));
    });
    assertThat(get(first, "/agents?hours=0").statusCode()).isEqualTo(400);
    assertThat(get(first, "/tickets/poor-ratings?limit=500").statusCode()).isEqualTo(400);

    // when: the first instance stops
    first.close();

    // then: the second runs every task and answers for every account with the same health as before
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(activeTasks(second)).hasSize(TASKS);
      assertThat(healthOf(second, accounts)).isEqualTo(before);
      // nothing stale survived the move: the survivor exports every account, once
      assertThat(exportedAccounts(second)).isEqualTo(accounts);
      assertThat(accountsCounted(second)).isEqualTo(accounts.size());
    });

    // and: events after the handover are processed on the survivor, for accounts of both former owners
    Instant later = simulator.end().plus(Duration.ofHours(1));
    List<SpecificRecord> after = accounts.stream()
        .map(account -> (SpecificRecord) UsageEvent.newBuilder()
            .setEventId("after-handover-" + account).setAccountId(account).setOccurredAt(later)
            .setUserId("u-after").setKind(UsageKind.LOGIN).setFeature(null).setCount(1).setErrorCount(0)
            .build())
        .toList();
    publish(cluster, topics, after);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(healthOf(second, accounts).values())
            .allSatisfy(health -> assertThat(health.path("asOf").asText()).isEqualTo(later.toString())));
  }

  /** The kpis.json of replay over the same history, for a period of 90 days. */
  private JsonNode replayedKpis(HistorySimulator simulator) throws IOException {
    Path events = work.resolve("history.jsonl");
    try (Writer writer = Files.newBufferedWriter(events)) {
      simulator.writeJsonLines(writer);
    }
    new Replay(ScoringConfig.defaults(), new KpiPeriod(90)).run(events, work.resolve("replayed"),
        new PrintWriter(new StringWriter()));
    return JSON.readTree(work.resolve("replayed/kpis.json").toFile());
  }

  private static VitalsService start(InstanceSettings settings, SharedCluster.Cluster cluster) {
    return new VitalsService(settings.config(), ScoringConfig.defaults(),
        new VitalsSerdes(Map.of("schema.registry.url", cluster.registryUrl()))).start();
  }

  private static void publish(SharedCluster.Cluster cluster, ItTopics topics, List<SpecificRecord> events) {
    try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), Map.of(), topics.events())) {
      events.forEach(publisher::publish);
      publisher.flush();
    }
  }

  private static Set<String> activeTasks(VitalsService instance) {
    return instance.streams().metadataForLocalThreads().stream()
        .map(ThreadMetadata::activeTasks)
        .flatMap(Set::stream)
        .map(TaskMetadata::taskId)
        .map(Object::toString)
        .collect(Collectors.toSet());
  }

  /** The accounts this instance exports per-account series for (all of its own: the cap is far above). */
  private static Set<String> exportedAccounts(VitalsService instance) {
    return scrape(instance).find("vitals_account_health_score").stream()
        .map(sample -> sample.labels().get("account"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The accounts this instance counts in its business series, over every segment and band. */
  private static long accountsCounted(VitalsService instance) {
    return Math.round(scrape(instance).find("vitals_accounts").stream().mapToDouble(MetricsScrape.Sample::value)
        .sum());
  }

  private static MetricsScrape scrape(VitalsService instance) {
    HttpResponse<String> response = get(instance, "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    return new MetricsScrape(response.body());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }

  /** GET /accounts/{id}/health on this instance for each account; fails unless each answers 200. */
  private static Map<String, JsonNode> healthOf(VitalsService instance, Set<String> accounts) throws IOException {
    Map<String, JsonNode> health = new TreeMap<>();
    for (String account : accounts) {
      HttpResponse<String> response = get(instance, "/accounts/" + account + "/health");
      assertThat(response.statusCode()).as("GET %s on port %d: %s", account, instance.httpPort(), response.body())
          .isEqualTo(200);
      health.put(account, JSON.readTree(response.body()));
    }
    return health;
  }

  private static JsonNode agents(VitalsService instance, String path) throws IOException {
    HttpResponse<String> response = get(instance, path);
    assertThat(response.statusCode()).as("GET %s on port %d: %s", path, instance.httpPort(), response.body())
        .isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** A GET with the instances' bearer token, as an operator's client sends it. */
  private static HttpResponse<String> get(VitalsService instance, String path) {
    return get(instance, path, "Bearer " + TOKEN);
  }

  private static HttpResponse<String> get(VitalsService instance, String path, String authorization) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort()
          + path)).timeout(Duration.ofSeconds(10)).GET();
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
