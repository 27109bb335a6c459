package dev.vitals.kpi;

import dev.vitals.schema.CostCentre;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one instance (or {@code replay}, holding every account) contributes to a portfolio report as of one instant
 * and period: the counts of its accounts per segment and the months of spend it keeps. Shares merge exactly
 * ({@link #plus}), and {@link PortfolioKpis#of} turns the merged share into the report.
 *
 * @param segments per segment name; accounts without a profile are under {@code UNKNOWN}
 */
public record PortfolioShare(Instant asOf, int periodDays, Map<String, PortfolioCounts> segments, CostTally costs) {

  /** The segment of accounts that have no profile yet. */
  public static final String UNKNOWN_SEGMENT = "UNKNOWN";

  public PortfolioShare plus(PortfolioShare other) {
    if (!asOf.equals(other.asOf) || periodDays != other.periodDays) {
      throw new IllegalArgumentException("shares of different reports: " + asOf + "/" + periodDays + " and "
          + other.asOf + "/" + other.periodDays);
    }
    Map<String, PortfolioTally> merged = new LinkedHashMap<>();
    for (Map<String, PortfolioCounts> side : List.of(segments, other.segments)) {
      side.forEach((segment, counts) -> merged
          .computeIfAbsent(segment, s -> new PortfolioTally(asOf, new KpiPeriod(periodDays).duration()))
          .add(counts));
    }
    return new PortfolioShare(asOf, periodDays, countsOf(merged), costs.plus(other.costs));
  }

  private static Map<String, PortfolioCounts> countsOf(Map<String, PortfolioTally> tallies) {
    Map<String, PortfolioCounts> counts = new LinkedHashMap<>();
    tallies.forEach((segment, tally) -> counts.put(segment, tally.counts()));
    return counts;
  }

  /** Collects accounts and months of spend into a share. */
  public static final class Builder {
    private final Instant asOf;
    private final KpiPeriod period;
    private final Map<String, PortfolioTally> segments = new LinkedHashMap<>();
    private CostTally costs = CostTally.empty();

    public Builder(Instant asOf, KpiPeriod period) {
      this.asOf = asOf;
      this.period = period;
      for (Segment segment : Segment.values()) {
        segments.put(segment.name(), new PortfolioTally(asOf, period.duration()));
      }
    }

    /** Adds one account with the band of its latest health record (null when it has none). */
    public Builder add(AccountState state, HealthBand band) {
      String segment = state.profile == null ? UNKNOWN_SEGMENT : state.profile.segment().name();
      segments.computeIfAbsent(segment, s -> new PortfolioTally(asOf, period.duration())).add(state, band);
      return this;
    }

    /** Adds one centre's reported spend for the month beginning on {@code month}, if it closed in the period. */
    public Builder addCost(CostCentre centre, LocalDate month, long amountCents, Integer newAccounts) {
      if (CostTally.closedWithin(month, asOf, period.duration())) {
        costs = costs.plusMonth(centre, amountCents, newAccounts);
      }
      return this;
    }

    public PortfolioShare build() {
      return new PortfolioShare(asOf, period.days(), countsOf(segments), costs);
    }
  }
}
