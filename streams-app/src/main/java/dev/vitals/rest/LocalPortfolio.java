package dev.vitals.rest;

import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.KpiPeriod;
import dev.vitals.kpi.PortfolioShare;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.HealthBand;
import dev.vitals.state.AccountBook;
import dev.vitals.state.stored.StoredMonthlyCost;
import dev.vitals.topology.MonthlyCost;
import dev.vitals.topology.QueriedAccountStore;
import dev.vitals.topology.StoreNames;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's part of the portfolio report, computed at request time from the state its tasks keep: each owned
 * account decoded from the summary and ledger stores, with the band of its last health record, and the months of
 * spend in the cost ledger. Nothing here runs per event; a request costs one pass over the owned accounts, as
 * {@code replay}'s kpis.json costs one pass over all of them, with the same domain code.
 */
public final class LocalPortfolio {
  /** Decoded accounts are not kept between requests: the stores are the truth and move between instances. */
  private static final int DECODED_ACCOUNTS = 1;

  private final ReadOnlyKeyValueStore<String, byte[]> summaries;
  private final ReadOnlyKeyValueStore<String, byte[]> ledger;
  private final ReadOnlyKeyValueStore<String, AccountHealth> health;
  private final ReadOnlyKeyValueStore<String, StoredMonthlyCost> costs;
  private final ReadOnlyKeyValueStore<String, Long> clocks;

  public LocalPortfolio(ReadOnlyKeyValueStore<String, byte[]> summaries, ReadOnlyKeyValueStore<String, byte[]> ledger,
      ReadOnlyKeyValueStore<String, AccountHealth> health, ReadOnlyKeyValueStore<String, StoredMonthlyCost> costs,
      ReadOnlyKeyValueStore<String, Long> clocks) {
    this.summaries = summaries;
    this.ledger = ledger;
    this.health = health;
    this.costs = costs;
    this.clocks = clocks;
  }

  /**
   * The local stores of a running instance (every task it hosts). An instance may host no task of a sub-topology
   * (the cost ledger's single-partition topic goes to one instance; more instances than partitions leave some
   * without accounts): its share of that part is empty, while a store it does host but cannot read yet (restoring,
   * moving) still fails the request.
   */
  static LocalPortfolio of(KafkaStreams streams, HostInfo self) {
    boolean accounts = hosts(streams, self, StoreNames.ACCOUNT_SUMMARY);
    boolean costs = hosts(streams, self, StoreNames.COST_LEDGER);
    return new LocalPortfolio(
        accounts ? store(streams, StoreNames.ACCOUNT_SUMMARY) : null,
        accounts ? store(streams, StoreNames.ACCOUNT_LEDGER) : null,
        accounts ? store(streams, StoreNames.ACCOUNT_HEALTH) : null,
        costs ? store(streams, StoreNames.COST_LEDGER) : null,
        accounts ? store(streams, StoreNames.EVENT_CLOCK) : null);
  }

  private static boolean hosts(KafkaStreams streams, HostInfo self, String store) {
    return streams.metadataForAllStreamsClients().stream()
        .anyMatch(instance -> instance.hostInfo().equals(self) && instance.stateStoreNames().contains(store));
  }

  /**
   * The latest usage event time any local task has seen (each task keeps its own clock); empty before the first.
   * The report's instant is the latest of every instance's, as replay's is the latest of the whole history.
   */
  public Optional<Instant> clock() {
    if (clocks == null) {
      return Optional.empty();
    }
    long latest = Long.MIN_VALUE;
    try (KeyValueIterator<String, Long> all = clocks.all()) {
      while (all.hasNext()) {
        latest = Math.max(latest, all.next().value);
      }
    }
    return latest == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest));
  }

  /** The local accounts and months of spend, tallied as of {@code asOf} over {@code period}. */
  public PortfolioShare share(Instant asOf, KpiPeriod period) {
    PortfolioShare.Builder share = new PortfolioShare.Builder(asOf, period);
    if (summaries != null) {
      addAccounts(share);
    }
    if (costs != null) {
      addCosts(share);
    }
    return share.build();
  }

  private void addAccounts(PortfolioShare.Builder share) {
    AccountBook accounts = new AccountBook(new QueriedAccountStore(summaries, ledger), DECODED_ACCOUNTS);
    accounts.forEachAccount(accountId -> {
      AccountState state = accounts.find(accountId);
      AccountHealth last = health.get(accountId);
      HealthBand band = last == null ? null : last.getBand();
      share.add(state, band);
    });
  }

  private void addCosts(PortfolioShare.Builder share) {
    try (KeyValueIterator<String, StoredMonthlyCost> all = costs.all()) {
      all.forEachRemaining(entry -> {
        MonthlyCost cost = MonthlyCost.of(entry.value);
        share.addCost(cost.centre(), cost.month(), cost.amountCents(), cost.newAccounts());
      });
    }
  }

  private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
  }
}
