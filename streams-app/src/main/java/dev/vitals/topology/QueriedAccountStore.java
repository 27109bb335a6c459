package dev.vitals.topology;

import dev.vitals.state.AccountStore;
import dev.vitals.state.EntryKey;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The account state as interactive queries see it (every local task's summary and ledger stores), read only: the
 * portfolio report decodes accounts from here at request time, so no event pays for it. Writing is the stream
 * tasks' business alone, hence the refusals.
 */
public final class QueriedAccountStore implements AccountStore {
  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

  private final ReadOnlyKeyValueStore<String, byte[]> summaries;
  private final ReadOnlyKeyValueStore<String, byte[]> ledger;

  public QueriedAccountStore(ReadOnlyKeyValueStore<String, byte[]> summaries,
      ReadOnlyKeyValueStore<String, byte[]> ledger) {
    this.summaries = summaries;
    this.ledger = ledger;
  }

  @Override
  public byte[] summary(String accountId) {
    return summaries.get(accountId);
  }

  @Override
  public void forEachEntry(String accountId, BiConsumer<String, byte[]> action) {
    try (KeyValueIterator<String, byte[]> entries = ledger.prefixScan(EntryKey.prefix(accountId), PREFIX_SERIALIZER)) {
      entries.forEachRemaining(entry -> action.accept(entry.key, entry.value));
    }
  }

  @Override
  public void forEachAccount(Consumer<String> action) {
    try (KeyValueIterator<String, byte[]> all = summaries.all()) {
      all.forEachRemaining(entry -> action.accept(entry.key));
    }
  }

  @Override
  public void putSummary(String accountId, byte[] summary) {
    throw new UnsupportedOperationException("queried state is read only");
  }

  @Override
  public void putEntry(String key, byte[] value) {
    throw new UnsupportedOperationException("queried state is read only");
  }

  @Override
  public void deleteEntry(String key) {
    throw new UnsupportedOperationException("queried state is read only");
  }

  @Override
  public void deleteSummary(String accountId) {
    throw new UnsupportedOperationException("queried state is read only");
  }
}
