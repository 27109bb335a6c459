package dev.vitals.state;

import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.DataSource;
import dev.vitals.schema.AlertRule;
import dev.vitals.state.stored.StoredClosingScore;
import dev.vitals.state.stored.StoredOpenAlert;
import dev.vitals.state.stored.StoredSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps the account-wide part of the state (times, each source's latest event time, open alerts, closing scores) onto
 * its stored summary.
 */
final class SummaryEntry {
  private final StateFormat format;

  SummaryEntry(StateFormat format) {
    this.format = format;
  }

  byte[] encode(AccountState state) {
    List<StoredOpenAlert> alerts = new ArrayList<>(state.openAlerts.size());
    for (Map.Entry<AlertRule, Instant> open : state.openAlerts.entrySet()) {
      alerts.add(new StoredOpenAlert(open.getKey().name(), open.getValue().toEpochMilli()));
    }
    List<StoredClosingScore> scores = new ArrayList<>(state.closingScores.size());
    state.closingScores.forEach((day, score) -> scores.add(new StoredClosingScore(day, score)));
    return format.encode(new StoredSummary(LedgerEntries.millis(state.firstEventAt),
        LedgerEntries.millis(state.latestEventAt), state.usage.lastUsageDay,
        LedgerEntries.millis(state.usage.firstApiCallAt), alerts, scores,
        state.closingScoresModel, state.rescoreFromDay, state.prunedOnDay, latest(state, DataSource.USAGE),
        latest(state, DataSource.TICKETS), latest(state, DataSource.BILLING), latest(state, DataSource.SURVEYS)));
  }

  private static Long latest(AccountState state, DataSource source) {
    return LedgerEntries.millis(state.freshness.latest(source));
  }

  AccountState decode(String accountId, byte[] bytes) {
    StoredSummary stored = format.decode(bytes, StoredSummary.class);
    AccountState state = AccountState.of(accountId);
    state.firstEventAt = LedgerEntries.instant(stored.getFirstEventAt());
    state.latestEventAt = LedgerEntries.instant(stored.getLatestEventAt());
    state.usage.lastUsageDay = stored.getLastUsageDay();
    state.usage.firstApiCallAt = LedgerEntries.instant(stored.getFirstApiCallAt());
    stored.getOpenAlerts().forEach(open -> state.openAlerts.put(AlertRule.valueOf(open.getRule()),
        Instant.ofEpochMilli(open.getRaisedAt())));
    stored.getClosingScores().forEach(score -> state.closingScores.put(score.getDay(), score.getScore()));
    state.closingScoresModel = stored.getClosingScoresModel();
    state.rescoreFromDay = stored.getRescoreFromDay();
    state.prunedOnDay = stored.getPrunedOnDay();
    // A summary of format version 1 has none of these: they fill in as each source's next event arrives.
    state.freshness.restore(DataSource.USAGE, LedgerEntries.instant(stored.getLatestUsageAt()));
    state.freshness.restore(DataSource.TICKETS, LedgerEntries.instant(stored.getLatestTicketAt()));
    state.freshness.restore(DataSource.BILLING, LedgerEntries.instant(stored.getLatestBillingAt()));
    state.freshness.restore(DataSource.SURVEYS, LedgerEntries.instant(stored.getLatestSurveyAt()));
    return state;
  }
}
