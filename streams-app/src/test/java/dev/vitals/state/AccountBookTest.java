package dev.vitals.state;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.login;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.kpi.AccountState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AccountBookTest {
  private static final Duration REACH_BACK = Duration.ofDays(14);

  private final RecordingAccountStore store = new RecordingAccountStore();
  private final AccountBook book = new AccountBook(store, 100);

  @Test
  void shouldWriteOnlyTheSummaryAndTheEntriesALoginTouchesWhateverTheHistory() {
    long shortHistory = bytesWrittenByOneLoginAfter("young", 5);
    List<String> writesAfterShortHistory = List.copyOf(store.writes);
    long longHistory = bytesWrittenByOneLoginAfter("old", 60);

    long day = at("2026-06-01T08:00:00Z").getEpochSecond() / 86_400;
    assertThat(writesAfterShortHistory).containsExactlyInAnyOrder(
        "put young|D|" + day, "put young|U|user-3", "summary young");
    assertThat(store.writes).containsExactlyInAnyOrder("put old|D|" + day, "put old|U|user-3", "summary old");
    // The same three small values; only varint widths (and the account id) differ.
    assertThat(longHistory).isBetween(shortHistory - 8, shortHistory + 8).isLessThan(200);
  }

  @Test
  void shouldReadBackTheSameAccountFromItsEntries() {
    List<SpecificRecord> history = AccountHistories.busyAccount("acme", 40);
    history.forEach(event -> book.apply("acme", event, AccountHistories.occurredAt(event)));
    AccountState written = book.find("acme");

    AccountState read = new AccountBook(store, 100).find("acme");

    Instant asOf = written.latestEventAt;
    assertThat(read).isNotSameAs(written);
    assertThat(read.kpisAt(asOf)).isEqualTo(written.kpisAt(asOf));
    assertThat(read.kpisAt(asOf.minus(Duration.ofDays(9)))).isEqualTo(written.kpisAt(asOf.minus(Duration.ofDays(9))));
    assertThat(read.firstEventAt).isEqualTo(written.firstEventAt);
    assertThat(read.profile).isEqualTo(written.profile);
    assertThat(read.billing.movements()).isEqualTo(written.billing.movements());
    assertThat(read.usage.milestones).isEqualTo(written.usage.milestones);
  }

  @Test
  void shouldDeleteTheEntriesPruningForgetsOncePerDayAndWriteNothingUnchanged() {
    List<SpecificRecord> history = AccountHistories.busyAccount("acme", 90);
    history.forEach(event -> book.apply("acme", event, AccountHistories.occurredAt(event)));
    AccountState state = book.find("acme");
    store.clearRecording();

    book.saveEvaluated(state, REACH_BACK);
    List<String> firstSave = List.copyOf(store.writes);
    store.clearRecording();
    book.saveEvaluated(state, REACH_BACK);

    // The latest event is on day 89; windows reach back 14 days from it (day 75), and the usage KPIs 35 days
    // before that (day 40): days 0 to 39 go, and so do tickets resolved before day 75 - 30.
    assertThat(firstSave).filteredOn(write -> write.startsWith("delete acme|D|")).hasSize(40);
    assertThat(firstSave).anyMatch(write -> write.startsWith("delete acme|T|"));
    assertThat(firstSave).contains("summary acme");
    // The same day again: nothing to prune, and a summary that did not change is not written again.
    assertThat(store.writes).isEmpty();
    assertThat(store.delegate.bytesByAccount().get("acme")).isLessThan(8 * 1024);
  }

  private long bytesWrittenByOneLoginAfter(String account, int days) {
    AccountHistories.busyAccount(account, days)
        .forEach(event -> book.apply(account, event, AccountHistories.occurredAt(event)));
    store.clearRecording();
    book.apply(account, login(account, "2026-06-01T08:00:00Z", "user-3"), at("2026-06-01T08:00:00Z"));
    return store.bytesWritten;
  }
}
