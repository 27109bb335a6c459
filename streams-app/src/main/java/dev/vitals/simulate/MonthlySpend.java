package dev.vitals.simulate;

import dev.vitals.schema.CostCentre;
import dev.vitals.schema.CostEntry;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The CS organisation's monthly spend, booked when a month closes (its last day, 18:00 UTC):
 * SUPPORT and SUCCESS scale with the customer base, ACQUISITION with the accounts won that month,
 * so that CAC, cost to retain and support cost per ticket come out in plausible ranges. A month
 * that has not closed by the end of the period has no entries yet.
 */
final class MonthlySpend {
  private final SimulationPeriod period;
  private final SplittableRandom rng;
  private final int customers;
  private final Map<YearMonth, Integer> newAccountsByMonth;

  MonthlySpend(SimulationPeriod period, long seed, int customers, Map<YearMonth, Integer> newAccountsByMonth) {
    this.period = period;
    this.rng = new SplittableRandom(seed);
    this.customers = customers;
    this.newAccountsByMonth = Map.copyOf(newAccountsByMonth);
  }

  void simulateDay(int day, EventTimeline out) {
    LocalDate date = period.date(day);
    if (date.plusDays(1).getDayOfMonth() != 1) {
      return;
    }
    YearMonth month = YearMonth.from(date);
    int won = newAccountsByMonth.getOrDefault(month, 0);
    book(day, CostCentre.SUPPORT, customers * 28_000L, null, out);
    book(day, CostCentre.SUCCESS, customers * 35_000L, null, out);
    book(day, CostCentre.ACQUISITION, 1_500_000L + won * 900_000L, won, out);
  }

  private void book(int day, CostCentre centre, long plannedCents, Integer newAccounts, EventTimeline out) {
    long amount = Math.round(plannedCents * (0.9 + rng.nextDouble() * 0.2) / 100.0) * 100;
    out.schedule(CostEntry.newBuilder()
        .setEventId(EventIds.next(rng)).setAccountId(centre.name())
        .setOccurredAt(period.dayStart(day).plus(18, ChronoUnit.HOURS).plusSeconds(centre.ordinal()))
        .setCentre(centre).setMonth(period.date(day).withDayOfMonth(1)).setAmountCents(amount)
        .setNewAccounts(newAccounts).build());
  }
}
