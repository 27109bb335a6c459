package dev.vitals.state;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Account state in plain maps, for the state tests: the same entries, the same bytes, no Kafka. */
final class InMemoryAccountStore implements AccountStore {
  private final Map<String, byte[]> summaries = new HashMap<>();
  private final NavigableMap<String, byte[]> ledger = new TreeMap<>();

  @Override
  public byte[] summary(String accountId) {
    return summaries.get(accountId);
  }

  @Override
  public void putSummary(String accountId, byte[] summary) {
    summaries.put(accountId, summary);
  }

  @Override
  public void forEachEntry(String accountId, BiConsumer<String, byte[]> action) {
    String prefix = EntryKey.prefix(accountId);
    // Every key of the account starts with the prefix; the separator is the smallest character after it.
    ledger.subMap(prefix, true, prefix + Character.MAX_VALUE, false).forEach(action);
  }

  @Override
  public void putEntry(String key, byte[] value) {
    ledger.put(key, value);
  }

  @Override
  public void deleteEntry(String key) {
    ledger.remove(key);
  }

  @Override
  public void deleteSummary(String accountId) {
    summaries.remove(accountId);
  }

  @Override
  public void forEachAccount(Consumer<String> action) {
    summaries.keySet().forEach(action);
  }

  /** Serialised bytes per account (summary, entry keys and values). */
  Map<String, Long> bytesByAccount() {
    Map<String, Long> bytes = new HashMap<>();
    summaries.forEach((account, summary) -> bytes.merge(account, (long) account.length() + summary.length, Long::sum));
    ledger.forEach((key, value) -> bytes.merge(EntryKey.accountOf(key),
        (long) key.length() + value.length, Long::sum));
    return bytes;
  }
}
