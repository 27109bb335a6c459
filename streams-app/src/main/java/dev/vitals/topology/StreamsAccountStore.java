package dev.vitals.topology;

import dev.vitals.state.AccountStore;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/** The account state on the task's two Kafka Streams stores (summary and ledger), both changelogged. */
public final class StreamsAccountStore implements AccountStore {
  private final KeyValueStore<String, byte[]> summaries;
  private final KeyValueStore<String, byte[]> ledger;
  /** Reads go through the same code as queries of the running instance. */
  private final QueriedAccountStore reads;

  public StreamsAccountStore(KeyValueStore<String, byte[]> summaries, KeyValueStore<String, byte[]> ledger) {
    this.summaries = summaries;
    this.ledger = ledger;
    this.reads = new QueriedAccountStore(summaries, ledger);
  }

  @Override
  public byte[] summary(String accountId) {
    return reads.summary(accountId);
  }

  @Override
  public void putSummary(String accountId, byte[] summary) {
    summaries.put(accountId, summary);
  }

  @Override
  public void forEachEntry(String accountId, BiConsumer<String, byte[]> action) {
    reads.forEachEntry(accountId, action);
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
  public void deleteSummary(String accountId) {
    summaries.delete(accountId);
  }

  @Override
  public void forEachAccount(Consumer<String> action) {
    reads.forEachAccount(action);
  }
}
