package dev.vitals.it;

import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitals.health.HealthEvaluator;
import dev.vitals.runtime.EventPublisher;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.Segment;
import dev.vitals.testing.AlertAssertions;
import dev.vitals.testing.MetricsScrape;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account erasure on a real broker: a {@code run} JVM holds three accounts, each with a CANCELLATION alert open;
 * a tombstone keyed by one of them on the accounts topic erases it. The health topic then carries that account's
 * tombstone, the alert topic its RESOLVED, the instance's /metrics no series naming it, its REST health a 404, and
 * the other two accounts are as they were.
 */
@ExtendWith(SharedCluster.class)
class AccountErasureIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final List<String> ACCOUNTS = List.of("erase-acme", "erase-globex", "erase-initech");
  private static final String ERASED = "erase-acme";

  @TempDir
  Path work;

  private RunJvm instance;

  @AfterEach
  void stop() {
    if (instance != null) {
      instance.close();
    }
  }

  @Test
  void aTombstoneOnTheAccountsTopicErasesTheAccountEverywhereAndLeavesTheOthers() throws Exception {
    // given: a run JVM on fresh topics, three cancelled accounts with their CANCELLATION alert open
    SharedCluster.Cluster cluster = SharedCluster.cluster();
    ItTopics topics = ItTopics.create(".erasure-it", 2, cluster.bootstrapServers(), cluster.registryUrl());
    InstanceSettings settings = new InstanceSettings("vitals-erasure-it", cluster.bootstrapServers(),
        cluster.registryUrl(), work.resolve("state"), topics);
    instance = RunJvm.in(work, settings).start();
    instance.awaitReady(Duration.ofSeconds(60));
    try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), Map.of(), topics.events())) {
      for (String account : ACCOUNTS) {
        publisher.publish(profile(account, "2026-09-01T00:00:00Z", Segment.SMB).build());
        publisher.publish(subscribed(account, "2026-09-01T00:00:00Z", 50_000, 10, "2027-09-01"));
        publisher.publish(login(account, "2026-09-02T09:00:00Z", "u1"));
        // Within the grace period of each other: Kafka Streams orders records across topics on a best-effort basis.
        publisher.publish(billing(account, "2026-09-05T00:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L)
            .build());
      }
      publisher.flush();
      await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        assertThat(openCancellations(topics, cluster)).containsOnlyKeys(ACCOUNTS);
        assertThat(accountsIn(metrics(settings.httpPort()))).containsAll(ACCOUNTS);
      });
      Map<String, AccountHealth> othersBefore = latestHealth(topics, cluster);
      othersBefore.remove(ERASED);

      // when: the erased account's tombstone on the accounts topic
      publisher.erase(ERASED, Instant.now());
      publisher.flush();

      // then: tombstone, RESOLVED, no series; the others unchanged
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        List<ConsumerRecord<String, AccountHealth>> health = TopicReader.readAll(cluster.bootstrapServers(),
            topics.topics().health());
        ConsumerRecord<String, AccountHealth> last = health.stream().filter(r -> r.key().equals(ERASED))
            .reduce((first, second) -> second).orElseThrow();
        assertThat(last.value()).as("the erased account's last health record is a tombstone").isNull();
        List<ChurnAlert> alerts = topics.alerts(cluster.bootstrapServers());
        assertThat(alerts).filteredOn(a -> a.getAccountId().equals(ERASED) && a.getState() == AlertState.RESOLVED)
            .singleElement().satisfies(a -> {
              assertThat(a.getRule()).isEqualTo(AlertRule.CANCELLATION);
              assertThat(a.getReason()).isEqualTo(HealthEvaluator.ERASED_REASON);
            });
        AlertAssertions.assertAtMostOneOpenPerAccountAndRule(alerts);
        assertThat(openCancellations(topics, cluster)).containsOnlyKeys("erase-globex", "erase-initech");
        MetricsScrape scrape = metrics(settings.httpPort());
        assertThat(accountsIn(scrape)).doesNotContain(ERASED).contains("erase-globex", "erase-initech");
        assertThat(scrape.text()).doesNotContain(ERASED);
        assertThat(latestHealth(topics, cluster)).isEqualTo(othersBefore);
        assertThat(healthStatus(settings.httpPort(), ERASED)).as("GET /accounts/{id}/health").isEqualTo(404);
        assertThat(healthStatus(settings.httpPort(), "erase-globex")).isEqualTo(200);
        assertThat(topics.deadLetters(cluster.bootstrapServers())).isEmpty();
      });
    }
  }

  /** The open CANCELLATION alerts, by account, from the whole alert topic. */
  private static Map<String, ChurnAlert> openCancellations(ItTopics topics, SharedCluster.Cluster cluster) {
    Map<String, ChurnAlert> open = new HashMap<>();
    for (ChurnAlert alert : topics.alerts(cluster.bootstrapServers())) {
      if (alert.getRule() == AlertRule.CANCELLATION && alert.getState() == AlertState.RAISED) {
        open.put(alert.getAccountId(), alert);
      } else if (alert.getRule() == AlertRule.CANCELLATION) {
        open.remove(alert.getAccountId());
      }
    }
    return open;
  }

  /** The latest health record of each account that has one (a tombstone removes the account). */
  private static Map<String, AccountHealth> latestHealth(ItTopics topics, SharedCluster.Cluster cluster) {
    Map<String, AccountHealth> latest = new HashMap<>();
    TopicReader.readAll(cluster.bootstrapServers(), topics.topics().health()).forEach(r -> {
      if (r.value() == null) {
        latest.remove(r.key());
      } else {
        latest.put(r.key(), r.value());
      }
    });
    return latest;
  }

  private static List<String> accountsIn(MetricsScrape scrape) {
    return scrape.samples().stream().map(s -> s.labels().get("account")).filter(a -> a != null).distinct().toList();
  }

  private static int healthStatus(int port, String account) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/accounts/" + account + "/health"))
        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static MetricsScrape metrics(int port) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new MetricsScrape(response.body());
  }
}
