package dev.vitals.kpi;

import dev.vitals.events.EventType;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.CostCentre;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.Segment;
import dev.vitals.testing.TestEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Accounts and cost reports for the portfolio KPI tests, applied straight to account states (no pipeline), and the
 * report as of {@link #AS_OF}: a 30-day period then starts on 2026-05-31 at noon, a 90-day one on 2026-04-01.
 */
final class PortfolioFixture {
  static final Instant AS_OF = Instant.parse("2026-06-30T12:00:00Z");

  private final Map<String, AccountState> accounts = new LinkedHashMap<>();
  private final List<CostEntry> costs = new ArrayList<>();

  PortfolioFixture given(SpecificRecord... events) {
    for (SpecificRecord event : events) {
      if (event instanceof CostEntry cost) {
        costs.add(cost);
      } else {
        accounts.computeIfAbsent(EventType.accountId(event), AccountState::of)
            .apply(event, EventType.occurredAt(event));
      }
    }
    return this;
  }

  /** A subscription at {@code mrrCents} started on {@code date} (noon), renewing a year later. */
  static SpecificRecord subscribed(String account, String date, long mrrCents) {
    return TestEvents.subscribed(account, date + "T12:00:00Z", mrrCents, 10,
        LocalDate.parse(date).plusYears(1).toString());
  }

  static SpecificRecord subscribedRenewingOn(String account, String date, long mrrCents, String renewalDate) {
    return TestEvents.subscribed(account, date + "T12:00:00Z", mrrCents, 10, renewalDate);
  }

  static SpecificRecord cancelled(String account, String date) {
    return TestEvents.billing(account, date + "T12:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build();
  }

  static SpecificRecord planChanged(String account, String date, long mrrCents) {
    return TestEvents.billing(account, date + "T12:00:00Z", BillingEventKind.PLAN_CHANGED).setMrrCents(mrrCents)
        .build();
  }

  static SpecificRecord renewed(String account, String date, String nextRenewal) {
    return TestEvents.billing(account, date + "T12:00:00Z", BillingEventKind.RENEWED)
        .setRenewalDate(LocalDate.parse(nextRenewal)).build();
  }

  static SpecificRecord profile(String account, Segment segment) {
    return TestEvents.profile(account, "2026-01-01T00:00:00Z", segment).build();
  }

  static CostEntry spend(CostCentre centre, String month, long amountCents, Integer newAccounts) {
    CostEntry entry = TestEvents.cost(centre, LocalDate.parse(month).plusMonths(1).minusDays(1) + "T18:00:00Z",
        month, amountCents);
    entry.setNewAccounts(newAccounts);
    return entry;
  }

  PortfolioKpis report(int days) {
    return report(days, PortfolioKpis.DEFAULT_GROSS_MARGIN);
  }

  PortfolioKpis report(int days, double grossMargin) {
    return PortfolioKpis.of(share(days, accounts.values()), grossMargin);
  }

  /** The share of some of the accounts (and every cost report), as one instance would tally it. */
  PortfolioShare share(int days, Iterable<AccountState> some) {
    PortfolioShare.Builder share = new PortfolioShare.Builder(AS_OF, new KpiPeriod(days));
    some.forEach(state -> share.add(state, HealthBand.HEALTHY));
    costs.forEach(cost -> share.addCost(cost.getCentre(), cost.getMonth(), cost.getAmountCents(),
        cost.getNewAccounts()));
    return share.build();
  }

  List<AccountState> accounts() {
    return List.copyOf(accounts.values());
  }
}
