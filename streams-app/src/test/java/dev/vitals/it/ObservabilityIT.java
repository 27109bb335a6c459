package dev.vitals.it;

import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.cost;
import static dev.vitals.testing.TestEvents.apiCall;
import static dev.vitals.testing.TestEvents.featureUsed;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.milestone;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitals.dashboards.DashboardQueries;
import dev.vitals.runtime.Directories;
import dev.vitals.runtime.EventPublisher;
import dev.vitals.runtime.VitalsService;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.CostCentre;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.Segment;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.RepositoryRoot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The observability stack end to end, with the real tools: Vitals on a short deterministic simulation, Debian's
 * Prometheus scraping it with the repository's own config and rules, Debian's Alertmanager with the repository's
 * routing, and a webhook receiver standing in for the pager. The boards of {@code grafana/} are checked query by
 * query against that Prometheus (Grafana itself is not installable here: its queries are what can fail).
 */
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {
  /** An account made to have two unsettled payment failures, so that it raises PAYMENT_FAILURES. */
  private static final String PAGED = "acc-pager";
  private static final String LOYAL = "acc-loyal";
  private static final String ONBOARDED = "acc-onboarded";
  private static final String STALLED = "acc-stalled";
  /** How long live traffic lasts at most: longer than the tests need, so the loop stops by itself. */
  private static final Duration TRICKLE_FOR = Duration.ofMinutes(5);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path work;
  private SharedCluster.Cluster cluster;
  private ItTopics topics;
  private VitalsService service;
  private WebhookReceiver receiver;
  private AlertmanagerServer alertmanager;
  private PrometheusServer prometheus;
  private Instant end;
  private ScheduledExecutorService trickle;
  private EventPublisher tricklePublisher;

  ObservabilityIT() throws IOException {
    this.work = Files.createTempDirectory("vitals-observability-it");
  }

  @BeforeAll
  void startTheStack() throws IOException {
    cluster = SharedCluster.cluster();
    topics = ItTopics.create(".obs-it", 2, cluster.bootstrapServers(), cluster.registryUrl());
    service = new VitalsService(new InstanceSettings("vitals-obs-it", cluster.bootstrapServers(),
        cluster.registryUrl(), work.resolve("state"), topics).config(), ScoringConfig.defaults(),
        new VitalsSerdes(Map.of("schema.registry.url", cluster.registryUrl()))).start();
    await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);

    // A month and a half of a small customer base, ending yesterday, and one account heading for a page.
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(46));
    HistorySimulator simulator = new HistorySimulator(31, 16, start, 45);
    end = simulator.end();
    publish(simulator.stream().toList());
    publish(List.of(
        profile(PAGED, at(20), Segment.SMB).setCsm("csm-pager").build(),
        subscribed(PAGED, at(20), 40_000, 8, end.plus(Duration.ofDays(200)).toString().substring(0, 10)),
        login(PAGED, at(19), "pat"),
        billing(PAGED, at(10), BillingEventKind.PAYMENT_FAILED).build(),
        billing(PAGED, at(5), BillingEventKind.PAYMENT_FAILED).build()));
    // A customer of four months that renewed ten days ago, and the acquisition report of the month under way: the
    // simulated month and a half has no renewal due in its last 30 days, no account subscribed 90 days before its
    // end and may have won no account, and the revenue board's renewal rate, CLV and CAC need them.
    String renewalDay = at(10).substring(0, 10);
    publish(List.of(
        profile(LOYAL, at(120), Segment.MID_MARKET).build(),
        subscribed(LOYAL, at(120), 90_000, 10, renewalDay),
        login(LOYAL, at(118), "lee"),
        billing(LOYAL, at(10), BillingEventKind.RENEWED)
            .setRenewalDate(LocalDate.parse(renewalDay).plusYears(1)).build(),
        login(LOYAL, at(2), "lee"),
        acquisitionMonthToDate(2)));

    // Two new customers, so the onboarding row has a finished journey (its times, activation) and a stalled one
    // whatever the simulated month and a half happened to finish.
    publish(List.of(
        profile(ONBOARDED, at(40), Segment.SMB, "reports", "alerts").build(),
        subscribed(ONBOARDED, at(40), 20_000, 5, end.plus(Duration.ofDays(300)).toString().substring(0, 10)),
        apiCall(ONBOARDED, at(38), 3),
        featureUsed(ONBOARDED, at(37), "oli", "reports"),
        featureUsed(ONBOARDED, at(36), "oli", "alerts"),
        milestone(ONBOARDED, at(30), "onboarding-complete"),
        login(ONBOARDED, at(3), "oli"),
        profile(STALLED, at(35), Segment.SMB, "reports").build(),
        subscribed(STALLED, at(35), 20_000, 5, end.plus(Duration.ofDays(300)).toString().substring(0, 10)),
        milestone(STALLED, at(33), "workspace-created"),
        login(STALLED, at(3), "sam")));

    // Live traffic while the test runs, as the demo has, so rates and the latency histogram have recent samples.
    trickle = Executors.newSingleThreadScheduledExecutor();
    tricklePublisher = new EventPublisher(cluster.bootstrapServers(), Map.of(), topics.events());
    Instant trickleUntil = Instant.now().plus(TRICKLE_FOR);
    String live = simulator.archetypes().keySet().iterator().next();
    trickle.scheduleAtFixedRate(() -> {
      if (Instant.now().isBefore(trickleUntil)) {
        tricklePublisher.publish(login(live, Instant.now().minusSeconds(1).toString(), "trickle"));
      }
    }, 0, 500, TimeUnit.MILLISECONDS);

    receiver = new WebhookReceiver();
    alertmanager = new AlertmanagerServer(RepositoryRoot.path(), work, receiver);
    prometheus = new PrometheusServer(RepositoryRoot.path(), work, service.httpPort(), alertmanager.port());
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(prometheus.query("vitals_account_alert_open{account=\"" + PAGED + "\"}")).isNotEmpty());
  }

  @AfterAll
  void stopTheStack() throws InterruptedException {
    if (trickle != null) {
      trickle.shutdownNow();
      trickle.awaitTermination(10, TimeUnit.SECONDS);
      tricklePublisher.close();
    }
    for (AutoCloseable part : new AutoCloseable[] {prometheus, alertmanager, receiver, service}) {
      if (part != null) {
        try {
          part.close();
        } catch (Exception e) {
          // keep stopping the others
        }
      }
    }
    Directories.deleteRecursively(work);
  }

  @Test
  @Order(1)
  void shouldAnswerEveryQueryOfEveryPanelOfEveryBoardWithData() {
    DashboardQueries boards = DashboardQueries.load();

    // every template variable lists values
    for (DashboardQueries.TemplateVariableQuery variable : boards.templateVariableQueries()) {
      String what = variable.dashboardUid() + ": $" + variable.variable() + " = " + variable.query();
      if (variable.isLabelValues()) {
        assertThat(prometheus.labelValues(variable.label(), variable.selector().orElse("{__name__=~\"vitals_.+\"}")))
            .as(what).isNotEmpty();
      } else {
        assertThat(prometheus.query(variable.query())).as(what).isNotEmpty();
      }
    }
    // the drill-down, filled in with an account of the simulation that has every KPI and an open alert
    String account = prometheus.labelValues("account", "vitals_account_health_score").stream()
        .filter(candidate -> boards.panelQueries(Map.of("account", candidate)).stream()
            .filter(query -> query.dashboardUid().equals("vitals-account"))
            .allMatch(query -> !prometheus.query(query.expr()).isEmpty()))
        .findFirst().orElseThrow(() -> new AssertionError("no account of the simulation fills the drill-down"));
    List<DashboardQueries.PanelQuery> queries = boards.panelQueries(Map.of("account", account));
    assertThat(queries).hasSizeGreaterThan(100);

    // rates need two scrapes in their range and the recording rules an evaluation: wait for them, then all of it
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
        assertThat(queries).allSatisfy(query -> assertThat(prometheus.query(query.expr()))
            .as("%s / %s / %s: %s", query.dashboardUid(), query.panelTitle(), query.refId(), query.expr())
            .isNotEmpty()));
  }

  @Test
  @Order(2)
  void shouldPassPromtoolOnARealScrape() throws Exception {
    String scrape = get("/metrics");

    Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = promtool.getOutputStream()) {
      in.write(scrape.getBytes(StandardCharsets.UTF_8));
    }
    String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(promtool.exitValue()).as("promtool check metrics:\n%s", findings).isZero();
    assertThat(scrape).contains("vitals_accounts{", "vitals_account_health_score{", "vitals_events_accepted_total{");
  }

  /** Last: it resolves the paged account's alert. */
  @Test
  @Order(3)
  void shouldPageAnAccountsAlertThroughAlertmanagerAndResolveItWhenVitalsDoes() {
    // then: the payment-failure alert Vitals raised reaches the pager with the labels routing needs
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(notified("firing")).anySatisfy(alert -> {
          assertThat(alert.labels().path("severity").asText()).isEqualTo("WARNING");
          assertThat(alert.labels().path("segment").asText()).isEqualTo("SMB");
          assertThat(alert.labels().path("csm").asText()).isEqualTo("csm-pager");
          assertThat(alert.labels().path("team").asText()).isEqualTo("cs");
          assertThat(alert.annotations().path("dashboard").asText()).endsWith("var-account=" + PAGED);
          assertThat(alert.receiver()).isNotBlank();
        }));

    // when: the account pays
    publish(List.of(billing(PAGED, at(1), BillingEventKind.INVOICE_PAID).build()));

    // then: Vitals resolves its alert, and the pager hears that it is resolved
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(notified("resolved")).isNotEmpty());
  }

  private List<WebhookReceiver.Notified> notified(String status) {
    return receiver.notified().stream()
        .filter(alert -> alert.status().equals(status))
        .filter(alert -> alert.labels().path("account").asText().equals(PAGED))
        .filter(alert -> alert.labels().path("rule").asText().equals("PAYMENT_FAILURES"))
        .toList();
  }

  /** ACQUISITION's spend so far in the month the history ends in, with {@code won} accounts. */
  private CostEntry acquisitionMonthToDate(int won) {
    CostEntry entry = cost(CostCentre.ACQUISITION, end.toString(),
        LocalDate.ofInstant(end, ZoneOffset.UTC).withDayOfMonth(1).toString(), 1_800_000);
    entry.setNewAccounts(won);
    return entry;
  }

  /** The history's last day minus {@code daysBefore}, as the ISO instant the event builders take. */
  private String at(int daysBefore) {
    return end.minus(Duration.ofDays(daysBefore)).toString();
  }

  private void publish(List<SpecificRecord> events) {
    try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), Map.of(), topics.events())) {
      events.forEach(publisher::publish);
      publisher.flush();
    }
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + service.httpPort() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
