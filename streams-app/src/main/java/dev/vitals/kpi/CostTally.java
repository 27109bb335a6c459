package dev.vitals.kpi;

import dev.vitals.schema.CostCentre;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The team's spend from {@code vitals.costs} over a period: per cost centre, the sum of the months that closed in
 * it and how many such months were reported, and the accounts won in them (ACQUISITION's {@code newAccounts}).
 * A month counts when its last day lies within the period: spend is booked when a month closes, so a 30-day report
 * covers the month that closed last. Sums of several instances' tallies are exact (each month of each centre is
 * kept by exactly one of them).
 *
 * @param spendCents per centre name
 * @param months per centre name, the months reported
 * @param newAccounts accounts won in the ACQUISITION months counted
 */
public record CostTally(Map<String, Long> spendCents, Map<String, Integer> months, int newAccounts) {

  public static CostTally empty() {
    Map<String, Long> spend = new LinkedHashMap<>();
    Map<String, Integer> months = new LinkedHashMap<>();
    for (CostCentre centre : CostCentre.values()) {
      spend.put(centre.name(), 0L);
      months.put(centre.name(), 0);
    }
    return new CostTally(Collections.unmodifiableMap(spend), Collections.unmodifiableMap(months), 0);
  }

  /** True when the month beginning on {@code month} closed within the period ending at {@code asOf}. */
  public static boolean closedWithin(LocalDate month, Instant asOf, Duration period) {
    LocalDate lastDay = month.plusMonths(1).minusDays(1);
    return !lastDay.isBefore(EventDay.date(asOf.minus(period))) && !lastDay.isAfter(EventDay.date(asOf));
  }

  /** This tally with one more reported month of one centre. */
  public CostTally plusMonth(CostCentre centre, long amountCents, Integer wonAccounts) {
    CostTally none = empty();
    Map<String, Long> spend = new LinkedHashMap<>(none.spendCents);
    Map<String, Integer> counted = new LinkedHashMap<>(none.months);
    spend.put(centre.name(), amountCents);
    counted.put(centre.name(), 1);
    int won = centre == CostCentre.ACQUISITION && wonAccounts != null ? wonAccounts : 0;
    return plus(new CostTally(spend, counted, won));
  }

  public CostTally plus(CostTally other) {
    Map<String, Long> spend = new LinkedHashMap<>(spendCents);
    other.spendCents.forEach((centre, cents) -> spend.merge(centre, cents, Long::sum));
    Map<String, Integer> counted = new LinkedHashMap<>(months);
    other.months.forEach((centre, count) -> counted.merge(centre, count, Integer::sum));
    return new CostTally(Collections.unmodifiableMap(spend), Collections.unmodifiableMap(counted),
        newAccounts + other.newAccounts);
  }

  /** The centre's mean spend per reported month; null when no month of it was reported in the period. */
  Double monthlySpendCents(CostCentre centre) {
    int count = months.getOrDefault(centre.name(), 0);
    return count == 0 ? null : (double) spendCents.getOrDefault(centre.name(), 0L) / count;
  }

  long spendCentsOf(CostCentre centre) {
    return spendCents.getOrDefault(centre.name(), 0L);
  }
}
