package dev.vitals.metrics;

import dev.vitals.schema.CostCentre;
import dev.vitals.state.stored.StoredMonthlyCost;
import dev.vitals.topology.MonthlyCost;
import dev.vitals.topology.StoreNames;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The cost series of docs/metrics.md, read from the cost ledger at scrape time: each centre's spend in the latest
 * month reported (the month that closed last), the accounts acquisition won in its latest month, and the gross
 * margin CLV is computed with. Sums, never ratios: the recording rules divide them by the business series (CAC,
 * cost to retain, support cost as a share of MRR and per resolved ticket, CLV and CLV:CAC). A centre's ledger lives
 * on the instance that owns its key, so adding instances up counts each month once.
 */
final class CostSeries implements MultiCollector {
  private final CostReports reports;
  private final double grossMargin;

  CostSeries(CostReports reports, double grossMargin) {
    this.reports = reports;
    this.grossMargin = grossMargin;
  }

  /** The months of spend this instance keeps. */
  @FunctionalInterface
  interface CostReports {
    List<MonthlyCost> read();

    /** The active cost ledger stores of {@code streams}, looked up at each read (they move with rebalances). */
    static CostReports of(KafkaStreams streams) {
      return () -> {
        try {
          return of(streams.store(StoreQueryParameters.fromNameAndType(StoreNames.COST_LEDGER,
              QueryableStoreTypes.<String, StoredMonthlyCost>keyValueStore()))).read();
        } catch (InvalidStateStoreException e) {
          return List.of();
        }
      };
    }

    static CostReports of(ReadOnlyKeyValueStore<String, StoredMonthlyCost> ledger) {
      return () -> {
        List<MonthlyCost> months = new ArrayList<>();
        try (KeyValueIterator<String, StoredMonthlyCost> all = ledger.all()) {
          all.forEachRemaining(entry -> months.add(MonthlyCost.of(entry.value)));
        }
        return months;
      };
    }
  }

  @Override
  public MetricSnapshots collect() {
    Map<CostCentre, MonthlyCost> latest = new EnumMap<>(CostCentre.class);
    for (MonthlyCost cost : reports.read()) {
      latest.merge(cost.centre(), cost, (a, b) -> a.month().isAfter(b.month()) ? a : b);
    }
    MetricFamilies families = new MetricFamilies();
    latest.forEach((centre, cost) -> families.gauge("vitals_cost_month_spend_cents",
        "Spend of the latest month reported, in cents, by cost centre", Labels.of("centre", centre.name()),
        cost.amountCents()));
    MonthlyCost acquisition = latest.get(CostCentre.ACQUISITION);
    if (acquisition != null && acquisition.newAccounts() != null) {
      families.gauge("vitals_cost_month_accounts_won", "Accounts won in the latest ACQUISITION month reported",
          Labels.EMPTY, acquisition.newAccounts());
    }
    families.gauge("vitals_gross_margin_ratio", "Gross margin CLV is computed with (scoring configuration)",
        Labels.EMPTY, grossMargin);
    return new MetricSnapshots(families.build());
  }
}
