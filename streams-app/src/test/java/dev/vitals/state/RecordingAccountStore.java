package dev.vitals.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** An in-memory store that also records every write, so a test can see exactly what an event wrote. */
final class RecordingAccountStore implements AccountStore {
  final InMemoryAccountStore delegate = new InMemoryAccountStore();
  final List<String> writes = new ArrayList<>();
  long bytesWritten;

  void clearRecording() {
    writes.clear();
    bytesWritten = 0;
  }

  @Override
  public byte[] summary(String accountId) {
    return delegate.summary(accountId);
  }

  @Override
  public void putSummary(String accountId, byte[] summary) {
    writes.add("summary " + accountId);
    bytesWritten += accountId.length() + summary.length;
    delegate.putSummary(accountId, summary);
  }

  @Override
  public void forEachEntry(String accountId, BiConsumer<String, byte[]> action) {
    delegate.forEachEntry(accountId, action);
  }

  @Override
  public void putEntry(String key, byte[] value) {
    writes.add("put " + key.replace(EntryKey.SEPARATOR, '|'));
    bytesWritten += key.length() + value.length;
    delegate.putEntry(key, value);
  }

  @Override
  public void deleteEntry(String key) {
    writes.add("delete " + key.replace(EntryKey.SEPARATOR, '|'));
    delegate.deleteEntry(key);
  }

  @Override
  public void deleteSummary(String accountId) {
    writes.add("delete summary " + accountId);
    delegate.deleteSummary(accountId);
  }

  @Override
  public void forEachAccount(Consumer<String> action) {
    delegate.forEachAccount(action);
  }
}
