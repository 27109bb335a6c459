package dev.vitals.state;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where account state lives, as bytes: Kafka Streams' state stores in the service ({@code replay} keeps accounts
 * decoded and stores nothing, see {@link AccountBook#inMemoryOnly()}).
 * Two stores: one small summary per account, and the account's ledger entries under its key prefix.
 */
public interface AccountStore {
  byte[] summary(String accountId);

  void putSummary(String accountId, byte[] summary);

  /** Every ledger entry of {@code accountId}, by key. */
  void forEachEntry(String accountId, BiConsumer<String, byte[]> action);

  void putEntry(String key, byte[] value);

  void deleteEntry(String key);

  /** Deletes the account's summary (its ledger entries are deleted one by one, see {@link #deleteEntry}). */
  void deleteSummary(String accountId);

  /** Every account that has a summary. */
  void forEachAccount(Consumer<String> action);
}
