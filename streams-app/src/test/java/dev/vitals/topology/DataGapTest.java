package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.kpi.DataSource;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.HealthFactor;
import dev.vitals.schema.Segment;
import dev.vitals.testing.PipelineDriver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Data freshness (SPEC §8, issue 13): usage that stops for every account is a pipeline data gap, not dormancy;
 * usage that stops for one account while the others' flows is that customer's signal.
 */
class DataGapTest {
  private static final List<String> ACCOUNTS = List.of("acme", "globex");
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldRaiseDataGapWhenUsageStopsForEveryAccount() {
    givenBothActiveUntilMarch10();

    // when: invoices keep arriving, no usage does: 6 hours after the last login usage is in a gap (pipeline.dataGap)
    invoicesFor(ACCOUNTS, "2026-03-10T14:59:00Z");
    assertThat(clocks().get(SourceClocks.dataGapKey(DataSource.USAGE))).isNull();
    invoicesFor(ACCOUNTS, "2026-03-10T15:01:00Z");

    // then: the gap is kept with the time usage stopped, beside each source's clock
    assertThat(clocks().get(SourceClocks.dataGapKey(DataSource.USAGE))).isEqualTo(millis("2026-03-10T09:00:00Z"));
    assertThat(clocks().get(SourceClocks.lastEventKey(DataSource.USAGE))).isEqualTo(millis("2026-03-10T09:00:00Z"));
    assertThat(clocks().get(SourceClocks.lastEventKey(DataSource.BILLING)))
        .isEqualTo(millis("2026-03-10T15:01:00Z"));
    assertThat(clocks().get(SourceClocks.dataGapKey(DataSource.BILLING))).isNull();
  }

  @Test
  void shouldResolveTheDataGapWhenUsageFlowsAgain() {
    givenBothActiveUntilMarch10();
    invoicesFor(ACCOUNTS, "2026-03-12T08:00:00Z");
    assertThat(clocks().get(SourceClocks.dataGapKey(DataSource.USAGE))).isNotNull();

    pipeline.send(login("globex", "2026-03-12T09:00:00Z", "ana")).flush();

    assertThat(clocks().get(SourceClocks.dataGapKey(DataSource.USAGE))).isNull();
    // and acme, silent, is measured up to the day usage reached again: its silence is its own from here on
    AccountHealth acme = pipeline.latestHealth().get("acme");
    assertThat(acme.getKpis().getDaysSinceLastUsage()).isEqualTo(2);
    assertThat(acme.getTopFactors()).extracting(HealthFactor::getFactor).doesNotContain("usage_data_gap");
  }

  @Test
  void shouldNotPushAccountsIntoAtRiskDuringADataGap() {
    givenBothActiveUntilMarch10();
    AccountHealth before = pipeline.latestHealth().get("acme");
    List<AccountHealth> during = new ArrayList<>();
    List<ChurnAlert> alerts = new ArrayList<>();

    // when: for 20 days only invoices arrive, for every account (usage is lost upstream)
    for (int day = 11; day <= 30; day++) {
      invoicesFor(ACCOUNTS, march(day) + "T12:00:00Z");
      pipeline.healthRecords().stream().filter(h -> h.getAccountId().equals("acme")).forEach(during::add);
      alerts.addAll(pipeline.alerts());
    }

    // then: no usage alert and no band change; usage measured as of March 10, as when it stopped
    assertThat(alerts).extracting(ChurnAlert::getRule)
        .doesNotContain(AlertRule.DORMANT, AlertRule.USAGE_COLLAPSE, AlertRule.AT_RISK, AlertRule.SCORE_DROP);
    AccountHealth last = during.get(during.size() - 1);
    assertThat(last.getAsOf()).isEqualTo(at("2026-03-30T12:00:00Z"));
    assertThat(last.getBand()).isEqualTo(before.getBand());
    assertThat(last.getComponents().getUsage()).isEqualTo(before.getComponents().getUsage());
    assertThat(last.getKpis().getDaysSinceLastUsage()).isZero();
    assertThat(last.getKpis().getActiveUsers30d()).isEqualTo(3);
    assertThat(during).allSatisfy(health -> assertThat(health.getScore()).isGreaterThanOrEqualTo(before.getScore()));
    // and the explanation says why usage does not move, worth nothing
    assertThat(last.getTopFactors()).last().satisfies(line -> {
      assertThat(line.getFactor()).isEqualTo("usage_data_gap");
      assertThat(line.getPoints()).isZero();
      assertThat(line.getDetail()).isEqualTo("no usage event for any account of its partition after 2026-03-10"
          + " (a data gap upstream, not this account's silence): usage measured as of that day");
    });
    assertThat(last.getFreshness().getUsage()).isEqualTo(at("2026-03-10T09:00:00Z"));
    assertThat(last.getFreshness().getBilling()).isEqualTo(at("2026-03-30T12:00:00Z"));
  }

  @Test
  void shouldTreatOneSilentAccountAsDormantWhileOthersFlow() {
    givenBothActiveUntilMarch10();
    List<ChurnAlert> alerts = new ArrayList<>();

    // when: globex goes on using the product, acme only pays its invoices
    for (int day = 11; day <= 26; day++) {
      pipeline.send(login("globex", march(day) + "T09:00:00Z", "ana")).flush();
      invoicesFor(List.of("acme"), march(day) + "T12:00:00Z");
      alerts.addAll(pipeline.alerts());
    }

    // then: no data gap, and acme is dormant 14 days after its last usage, decided as that day started
    assertThat(clocks().get(SourceClocks.dataGapKey(DataSource.USAGE))).isNull();
    assertThat(alerts).filteredOn(alert -> alert.getRule() == AlertRule.DORMANT).singleElement()
        .satisfies(alert -> {
          assertThat(alert.getAccountId()).isEqualTo("acme");
          assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
          assertThat(alert.getOccurredAt()).isEqualTo(at("2026-03-24T00:00:00Z"));
        });
    AccountHealth acme = pipeline.latestHealth().get("acme");
    assertThat(acme.getKpis().getDaysSinceLastUsage()).isEqualTo(16);
    assertThat(acme.getTopFactors()).extracting(HealthFactor::getFactor).doesNotContain("usage_data_gap");
    assertThat(acme.getFreshness().getUsage()).isEqualTo(at("2026-03-10T09:00:00Z"));
    assertThat(acme.getFreshness().getTickets()).isNull();
  }

  private void givenBothActiveUntilMarch10() {
    for (String account : ACCOUNTS) {
      pipeline.send(profile(account, "2026-03-01T00:00:00Z", Segment.SMB).build(),
          subscribed(account, "2026-03-01T00:00:00Z", 20_000, 4, "2027-03-01"));
    }
    for (int day = 1; day <= 10; day++) {
      for (String user : List.of("ana", "bo", "cy")) {
        for (String account : ACCOUNTS) {
          pipeline.send(login(account, march(day) + "T09:00:00Z", user));
        }
      }
    }
    pipeline.flush();
    pipeline.alerts();
  }

  private void invoicesFor(List<String> accounts, String at) {
    for (String account : accounts) {
      pipeline.send(billing(account, at, BillingEventKind.INVOICE_PAID).setAmountCents(20_000L).build());
    }
    pipeline.flush();
  }

  private Map<String, Long> clocks() {
    KeyValueStore<String, Long> store = pipeline.store(StoreNames.EVENT_CLOCK);
    Map<String, Long> entries = new java.util.TreeMap<>();
    store.all().forEachRemaining(entry -> entries.put(entry.key, entry.value));
    return entries;
  }

  private static long millis(String instant) {
    return at(instant).toEpochMilli();
  }

  private static String march(int day) {
    return LocalDate.of(2026, 3, day).toString();
  }
}
