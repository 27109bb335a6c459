package dev.vitals.metrics;

import dev.vitals.schema.AccountHealth;
import dev.vitals.state.StoredFigures;
import dev.vitals.state.stored.StoredAccountFigures;
import dev.vitals.state.stored.StoredRetention;
import dev.vitals.topology.StoreNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The accounts whose state this instance holds as active tasks, read at scrape time. Only active stores are read
 * (no standbys): an account is exported by exactly one instance, and by none while its task is moving, so no stale
 * series outlives a rebalance.
 */
@FunctionalInterface
interface OwnedAccounts {
  List<OwnedAccount> read();

  /** The active stores of {@code streams}, looked up at each read (they move with rebalances). */
  static OwnedAccounts of(KafkaStreams streams) {
    return () -> {
      try {
        return of(
            streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ACCOUNT_HEALTH,
                QueryableStoreTypes.<String, AccountHealth>keyValueStore())),
            streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ACCOUNT_FIGURES,
                QueryableStoreTypes.<String, StoredAccountFigures>keyValueStore())),
            streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ACCOUNT_RETENTION,
                QueryableStoreTypes.<String, StoredRetention>keyValueStore())))
            .read();
      } catch (InvalidStateStoreException e) {
        // Starting, restoring or shutting down: the stores are not queryable, and this instance exports no account.
        return List.of();
      }
    };
  }

  /** Every account of the health view, with its figures and retention answers. */
  static OwnedAccounts of(ReadOnlyKeyValueStore<String, AccountHealth> health,
      ReadOnlyKeyValueStore<String, StoredAccountFigures> figures,
      ReadOnlyKeyValueStore<String, StoredRetention> retention) {
    return () -> {
      // Every store is read through once: a point lookup in a store spread over several tasks tries each task's
      // store in turn, which for every owned account cost more than the whole scan.
      Map<String, StoredAccountFigures> figuresByAccount = readAll(figures);
      Map<String, StoredRetention> retentionByAccount = readAll(retention);
      List<OwnedAccount> accounts = new ArrayList<>();
      try (KeyValueIterator<String, AccountHealth> all = health.all()) {
        all.forEachRemaining(entry -> {
          StoredAccountFigures stored = figuresByAccount.get(entry.key);
          accounts.add(new OwnedAccount(entry.value, stored == null ? null : StoredFigures.fromStored(stored),
              retentionByAccount.get(entry.key)));
        });
      }
      return accounts;
    };
  }

  private static <V> Map<String, V> readAll(ReadOnlyKeyValueStore<String, V> store) {
    Map<String, V> byAccount = new HashMap<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      all.forEachRemaining(entry -> byAccount.put(entry.key, entry.value));
    }
    return byAccount;
  }
}
