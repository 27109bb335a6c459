package dev.vitals.metrics;

import dev.vitals.agent.TicketMix;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;

/**
 * The business and per-account series, read from the state stores at each scrape (SPEC §6): exact under
 * exactly-once, unchanged by restarts, and exported only by the instance that owns each account. A Prometheus
 * collector rather than Micrometer meters: the label sets change with the accounts owned, and the ticket-time
 * distributions are state, not observations, which Micrometer's histograms cannot express.
 */
final class StateMetrics implements MultiCollector {
  private final OwnedAccounts accounts;
  private final int accountSeriesCap;
  /** The ticket entries behind the support board's ticket analytics; null: not exported. */
  private final OwnedTickets tickets;

  StateMetrics(OwnedAccounts accounts, int accountSeriesCap) {
    this(accounts, accountSeriesCap, null);
  }

  StateMetrics(OwnedAccounts accounts, int accountSeriesCap, OwnedTickets tickets) {
    this.accounts = accounts;
    this.accountSeriesCap = accountSeriesCap;
    this.tickets = tickets;
  }

  @Override
  public MetricSnapshots collect() {
    List<OwnedAccount> owned = accounts.read();
    MetricFamilies families = new MetricFamilies();
    SegmentTotals totals = new SegmentTotals();
    RetentionTotals retention = new RetentionTotals();
    AdoptionTotals adoption = new AdoptionTotals();
    ArticleTotals articles = new ArticleTotals();
    owned.forEach(account -> {
      totals.add(account);
      retention.add(account);
      adoption.add(account);
      articles.add(account);
    });
    totals.exportTo(families);
    retention.exportTo(families);
    adoption.exportTo(families);
    articles.exportTo(families);
    if (tickets != null) {
      TicketMixTotals.exportTo(TicketMix.of(tickets.read()), owned, families);
    }
    new AccountSeries(accountSeriesCap).exportTo(owned, families);
    return new MetricSnapshots(families.build());
  }
}
