package dev.vitals.topology;

import dev.vitals.state.AccountStore;
import dev.vitals.state.EntryKey;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The account state on the task's two Kafka Streams stores (summary and ledger), both changelogged. */
public final class StreamsAccountStore implements AccountStore {
  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

  private final KeyValueStore<String, byte[]> summaries;
  private final KeyValueStore<String, byte[]> ledger;

  public StreamsAccountStore(KeyValueStore<String, byte[]> summaries, KeyValueStore<String, byte[]> ledger) {
    this.summaries = summaries;
    this.ledger = ledger;
  }

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
    try (KeyValueIterator<String, byte[]> entries = ledger.prefixScan(EntryKey.prefix(accountId), PREFIX_SERIALIZER)) {
      entries.forEachRemaining(entry -> action.accept(entry.key, entry.value));
    }
  }

  @Override
  public void putEntry(String key, byte[] value) {
    ledger.put(key, value);
  }

  @Override
  public void deleteEntry(String key) {
    ledger.delete(key);
  }

  @Override
  public void forEachAccount(Consumer<String> action) {
    try (KeyValueIterator<String, byte[]> all = summaries.all()) {
      all.forEachRemaining(entry -> action.accept(entry.key));
    }
  }
}
