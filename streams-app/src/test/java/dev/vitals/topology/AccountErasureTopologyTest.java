package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.survey;
import static dev.vitals.testing.TestEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.health.HealthEvaluator;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.testing.PipelineDriver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tombstone on {@code vitals.accounts} erases its account (SPEC's issue 15, item 4): every store entry of the
 * account goes, its open alerts are resolved, its health record becomes a tombstone, the other accounts are left as
 * they were, and later events follow the documented rule (stragglers dead-lettered, later ones a fresh account).
 */
class AccountErasureTopologyTest {
  private static final String ACCOUNTS = "vitals.accounts";
  private static final Instant ERASED_AT = Instant.parse("2026-03-20T00:00:00Z");
  /** The per-account key-value stores, keyed by accountId or by accountId U+001F something. */
  private static final List<String> ACCOUNT_STORES = List.of(StoreNames.ACCOUNT_SUMMARY, StoreNames.ACCOUNT_LEDGER,
      StoreNames.ACCOUNT_HEALTH, StoreNames.ACCOUNT_FIGURES, StoreNames.ACCOUNT_RETENTION,
      StoreNames.PENDING_ACCOUNTS, StoreNames.AGENT_TICKETS);

  private final PipelineDriver pipeline = new PipelineDriver();

  @BeforeEach
  void twoAccountsWithHistory() {
    for (String account : List.of("acme", "globex")) {
      pipeline.send(
          profile(account, "2026-03-01T00:00:00Z", Segment.SMB, "reports").build(),
          subscribed(account, "2026-03-01T00:00:00Z", 50_000, 10, "2027-03-01"),
          login(account, "2026-03-02T09:00:00Z", "u1"),
          ticket(account, "2026-03-03T09:00:00Z", "t1", TicketEventKind.OPENED).build(),
          ticket(account, "2026-03-03T10:00:00Z", "t1", TicketEventKind.AGENT_REPLIED).setAgentId("bob").build(),
          survey(account, "2026-03-03T12:00:00Z", "r1", SurveyKind.CSAT, 1).setTouchpoint("t1")
              .setComment("slow answers").build(),
          billing(account, "2026-03-10T00:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build());
    }
    pipeline.flush();
  }

  @AfterEach
  void close() {
    pipeline.close();
  }

  private void erase(String account) {
    pipeline.sendRaw(ACCOUNTS, account, null, ERASED_AT);
  }

  @Test
  void shouldDeleteEveryStoreEntryOfTheAccountWhenItsAccountRecordIsTombstoned() {
    pipeline.send(login("acme", "2026-03-12T09:00:00Z", "u1"));
    assertThat(keysOf("acme")).as("acme is in every per-account store before").containsOnlyKeys(ACCOUNT_STORES);
    assertThat(poorRatingKeys("acme")).isNotEmpty();

    erase("acme");
    pipeline.flush();

    assertThat(keysOf("acme")).isEmpty();
    assertThat(poorRatingKeys("acme")).isEmpty();
    assertThat(pipeline.state("acme")).isNull();
    assertThat(pipeline.<Long>store(StoreNames.ERASED_ACCOUNTS).get("acme")).isEqualTo(ERASED_AT.toEpochMilli());
  }

  @Test
  void shouldResolveOpenAlertsWhenAnAccountIsErased() {
    List<ChurnAlert> raised = pipeline.alerts();
    assertThat(raised).filteredOn(alert -> alert.getAccountId().equals("acme"))
        .extracting(ChurnAlert::getRule).contains(AlertRule.CANCELLATION);

    erase("acme");

    List<ChurnAlert> resolved = pipeline.alerts();
    List<String> openedIds = raised.stream().filter(alert -> alert.getAccountId().equals("acme"))
        .map(ChurnAlert::getAlertId).toList();
    assertThat(resolved).isNotEmpty().allSatisfy(alert -> {
      assertThat(alert.getAccountId()).isEqualTo("acme");
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getReason()).isEqualTo(HealthEvaluator.ERASED_REASON);
      assertThat(alert.getOccurredAt()).isEqualTo(ERASED_AT);
    });
    assertThat(resolved).extracting(ChurnAlert::getAlertId).containsExactlyInAnyOrderElementsOf(openedIds);
  }

  @Test
  void shouldWriteATombstoneOnTheHealthTopic() {
    pipeline.healthTopic();

    erase("acme");

    assertThat(pipeline.healthTopic()).singleElement().satisfies(record -> {
      assertThat(record.key).isEqualTo("acme");
      assertThat(record.value).isNull();
    });
    assertThat(pipeline.counter(PipelineSensors.ERASED, Map.of())).isEqualTo(1);
  }

  @Test
  void shouldLeaveOtherAccountsUntouched() {
    Map<String, Map<String, Object>> globexBefore = keysOf("globex");
    List<String> globexRatings = poorRatingKeys("globex");
    pipeline.alerts();

    erase("acme");
    pipeline.flush();

    assertThat(keysOf("globex")).isEqualTo(globexBefore);
    assertThat(poorRatingKeys("globex")).isEqualTo(globexRatings).isNotEmpty();
    assertThat(pipeline.alerts()).noneMatch(alert -> alert.getAccountId().equals("globex"));
    assertThat(pipeline.state("globex").openAlerts).containsKey(AlertRule.CANCELLATION);
  }

  @Test
  void shouldDeadLetterEventsThatOccurredBeforeTheErasureAndStartAFreshAccountWithLaterOnes() {
    erase("acme");
    pipeline.healthTopic();
    pipeline.deadLetters();

    pipeline.send(login("acme", "2026-03-19T23:00:00Z", "straggler"));
    List<TestRecord<byte[], byte[]>> stragglers = pipeline.deadLetters();
    pipeline.send(login("acme", "2026-03-21T09:00:00Z", "u2")).flush();
    pipeline.send(login("acme", "2026-03-15T09:00:00Z", "late straggler"));
    List<TestRecord<byte[], byte[]>> lateStragglers = pipeline.deadLetters();

    assertThat(stragglers).singleElement().satisfies(letter -> {
      assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("erased_account");
      assertThat(header(letter, DeadLetterHeaders.DETAIL)).contains(ERASED_AT.toString());
    });
    assertThat(lateStragglers).singleElement()
        .satisfies(letter -> assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("erased_account"));
    AccountHealth fresh = pipeline.latestHealth().get("acme");
    assertThat(fresh).isNotNull();
    assertThat(fresh.getOpenAlerts()).isEmpty();
    assertThat(pipeline.state("acme").firstEventAt).isEqualTo(Instant.parse("2026-03-21T09:00:00Z"));
    assertThat(pipeline.state("acme").profile).as("nothing of the erased account came back").isNull();
    assertThat(pipeline.counter(PipelineSensors.REJECTED, Map.of("reason", "erased_account"))).isEqualTo(2);
  }

  @Test
  void shouldKeepNothingOfAStragglerInTheAgentBoard() {
    erase("acme");

    pipeline.send(ticket("acme", "2026-03-19T09:00:00Z", "t9", TicketEventKind.OPENED).build(),
        survey("acme", "2026-03-19T10:00:00Z", "r9", SurveyKind.CSAT, 1).setTouchpoint("t9").build());
    pipeline.flush();

    assertThat(keysOf("acme")).isEmpty();
    assertThat(poorRatingKeys("acme")).isEmpty();
    assertThat(pipeline.deadLetters()).hasSize(2);
  }

  @Test
  void shouldDeadLetterATombstoneWithoutAKeyAndKeepDeadLetteringTombstonesOnEventTopics() {
    pipeline.deadLetters();

    pipeline.sendRaw(ACCOUNTS, null, null, ERASED_AT);
    pipeline.sendRaw(ACCOUNTS, " ", null, ERASED_AT);
    pipeline.sendRaw("vitals.usage", "acme", null, ERASED_AT);

    List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
    assertThat(letters).hasSize(3);
    assertThat(header(letters.get(0), DeadLetterHeaders.DETAIL)).contains("no account to erase");
    assertThat(header(letters.get(1), DeadLetterHeaders.DETAIL)).contains("no account to erase");
    assertThat(header(letters.get(2), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("vitals.usage");
    assertThat(pipeline.state("acme")).as("a tombstone elsewhere erases nothing").isNotNull();
  }

  @Test
  void shouldLeaveNoAlertOpenWhenChangesNotYetEvaluatedRaisedOne() {
    pipeline.alerts();
    pipeline.send(answer("acme", "2026-03-15T09:00:00Z", "r2", SurveyKind.NPS, 0));

    erase("acme");
    pipeline.flush();

    List<ChurnAlert> alerts = pipeline.alerts();
    List<String> raised = alerts.stream().filter(alert -> alert.getState() == AlertState.RAISED)
        .map(ChurnAlert::getAlertId).toList();
    List<String> resolved = alerts.stream().filter(alert -> alert.getState() == AlertState.RESOLVED)
        .map(ChurnAlert::getAlertId).toList();
    assertThat(raised).as("the pending detractor is announced before the erasure").isNotEmpty();
    assertThat(resolved).containsAll(raised);
    assertThat(keysOf("acme")).isEmpty();
  }

  /** The keys of {@code account} in each per-account store, with their values: only stores holding some. */
  private Map<String, Map<String, Object>> keysOf(String account) {
    Map<String, Map<String, Object>> byStore = new TreeMap<>();
    for (String name : ACCOUNT_STORES) {
      KeyValueStore<String, Object> store = pipeline.store(name);
      Map<String, Object> own = new TreeMap<>();
      try (KeyValueIterator<String, Object> all = store.all()) {
        all.forEachRemaining(entry -> {
          if (entry.key.equals(account) || entry.key.startsWith(account + '\u001F')) {
            own.put(entry.key, entry.value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                : entry.value);
          }
        });
      }
      if (!own.isEmpty()) {
        byStore.put(name, own);
      }
    }
    return byStore;
  }

  private List<String> poorRatingKeys(String account) {
    WindowStore<String, Object> ratings = pipeline.windowStore(StoreNames.POOR_RATINGS);
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, Object> all = ratings.all()) {
      all.forEachRemaining(entry -> {
        if (entry.key.key().startsWith(account + '\u001F')) {
          keys.add(entry.key.key());
        }
      });
    }
    return keys;
  }

  private static String header(TestRecord<byte[], byte[]> letter, String name) {
    Header header = letter.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
