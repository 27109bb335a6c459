package dev.vitals.state;

import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.EventDay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every account's state, read and written entry by entry: an event writes only the ledger entries it touches and
 * the account's small summary, whatever the account's history.
 *
 * <p>Decoded accounts are kept in a bounded, least-recently-used map so that evaluating an account does not decode
 * its whole ledger each time. It is a read cache, never a write-back one: every change is written to the store at
 * once, inside the stream task's transaction, so the store alone is the truth. The owner must make a new book (or
 * {@link #forgetAll()}) whenever the store may have been rolled back or restored, as a processor's {@code init}
 * is after a task is revived.
 */
public final class AccountBook {
  private final AccountStore store;
  /** False for {@link #inMemoryOnly()}: nothing is encoded, the store only lists the accounts. */
  private final boolean stored;
  private final int cachedAccounts;
  private final LedgerEntries entries;
  private final SummaryEntry summaries;
  private final Map<String, AccountState> decoded;

  public AccountBook(AccountStore store, int cachedAccounts) {
    this(store, cachedAccounts, true);
  }

  private AccountBook(AccountStore store, int cachedAccounts, boolean stored) {
    this.store = Objects.requireNonNull(store, "store");
    this.stored = stored;
    this.cachedAccounts = cachedAccounts;
    StateFormat format = new StateFormat();
    this.entries = new LedgerEntries(format);
    this.summaries = new SummaryEntry(format);
    this.decoded = new LinkedHashMap<>(Math.min(cachedAccounts, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, AccountState> eldest) {
        return size() > AccountBook.this.cachedAccounts;
      }
    };
  }

  /**
   * A book that keeps every account decoded in memory and stores nothing, for {@code replay}: one pass over a
   * history on one machine, where encoding state that is never read back would only cost time.
   */
  public static AccountBook inMemoryOnly() {
    return new AccountBook(new UnstoredAccounts(), Integer.MAX_VALUE, false);
  }

  /** The account's state; null when it has never had an accepted event. */
  public AccountState find(String accountId) {
    AccountState state = decoded.get(accountId);
    if (state != null) {
      return state;
    }
    byte[] summary = store.summary(accountId);
    if (summary == null) {
      return null;
    }
    AccountState loaded = summaries.decode(accountId, summary);
    loaded.storedSummary = summary;
    store.forEachEntry(accountId,
        (key, value) -> entries.decodeInto(loaded, EntryKey.parse(accountId, key), value));
    decoded.put(accountId, loaded);
    return loaded;
  }

  /** Applies one accepted event to the account (created on its first event) and writes what it changed. */
  public AccountState apply(String accountId, SpecificRecord event, Instant occurredAt) {
    AccountState state = find(accountId);
    if (state == null) {
      state = AccountState.of(accountId);
      decoded.put(accountId, state);
    }
    state.apply(event, occurredAt);
    for (EntryKey key : EventFootprint.of(accountId, event)) {
      write(state, key);
    }
    putSummary(state);
    return state;
  }

  /**
   * Saves what an evaluation changed (open alerts, closing scores), if anything, and, once per event day, forgets
   * what no window can reach any more ({@code reachBack} before the latest event time).
   */
  public void saveEvaluated(AccountState state, Duration reachBack) {
    long today = EventDay.of(state.latestEventAt);
    if (state.prunedOnDay == null || state.prunedOnDay != today) {
      prune(state, reachBack);
      state.prunedOnDay = today;
    }
    putSummary(state);
  }

  private void putSummary(AccountState state) {
    if (!stored) {
      store.putSummary(state.accountId, null);
      return;
    }
    byte[] summary = summaries.encode(state);
    if (!Arrays.equals(summary, state.storedSummary)) {
      store.putSummary(state.accountId, summary);
      state.storedSummary = summary;
    }
  }

  private void prune(AccountState state, Duration reachBack) {
    if (!stored) {
      state.prune(reachBack);
      return;
    }
    Set<EntryKey> before = new HashSet<>(LedgerEntries.keysOf(state));
    state.prune(reachBack);
    Set<EntryKey> after = new HashSet<>(LedgerEntries.keysOf(state));
    before.removeAll(after);
    before.forEach(gone -> store.deleteEntry(gone.text()));
    // Pruning folds old billing entries into the baseline: the one entry pruning rewrites rather than deletes.
    EntryKey billing = new EntryKey(state.accountId, EntryKind.BILLING, "");
    if (after.contains(billing)) {
      write(state, billing);
    }
  }

  private void write(AccountState state, EntryKey key) {
    if (!stored) {
      return;
    }
    byte[] value = entries.encode(state, key);
    if (value == null) {
      store.deleteEntry(key.text());
    } else {
      store.putEntry(key.text(), value);
    }
  }

  /**
   * Erases the account: its summary, every ledger entry under its key prefix (one prefix scan of this account's
   * entries, never of other accounts') and its decoded state, the usage kept at past closes with it. Returns the
   * state as it was, for what the erasure must still announce (its open alerts), or null when there was none.
   */
  public AccountState erase(String accountId) {
    AccountState erased = find(accountId);
    decoded.remove(accountId);
    List<String> keys = new ArrayList<>();
    store.forEachEntry(accountId, (key, value) -> keys.add(key));
    keys.forEach(store::deleteEntry);
    store.deleteSummary(accountId);
    return erased;
  }

  public void forEachAccount(Consumer<String> action) {
    store.forEachAccount(action);
  }

  /** The store of {@link #inMemoryOnly()}: it remembers which accounts exist and nothing else. */
  private static final class UnstoredAccounts implements AccountStore {
    private final Set<String> known = new LinkedHashSet<>();

    @Override
    public byte[] summary(String accountId) {
      return null;
    }

    @Override
    public void putSummary(String accountId, byte[] summary) {
      known.add(accountId);
    }

    @Override
    public void forEachEntry(String accountId, BiConsumer<String, byte[]> action) {}

    @Override
    public void putEntry(String key, byte[] value) {}

    @Override
    public void deleteEntry(String key) {}

    @Override
    public void deleteSummary(String accountId) {
      known.remove(accountId);
    }

    @Override
    public void forEachAccount(Consumer<String> action) {
      known.forEach(action);
    }
  }

  /** Drops one decoded account (after a failure left it half changed); the next read decodes it from the store. */
  public void forget(String accountId) {
    decoded.remove(accountId);
  }

  /** Drops the decoded accounts; the next read decodes from the store. */
  public void forgetAll() {
    decoded.clear();
  }
}
