package dev.vitals.kpi;

import dev.vitals.schema.HealthBand;
import dev.vitals.schema.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The portfolio's KPIs, overall and per segment, as of the stream time (the latest event time of any account):
 * surveys and tickets pooled over every account, MRR summed, MRR movements, GRR and NRR over the trailing period.
 *
 * @param segments keyed by segment name; accounts without a profile are under {@code UNKNOWN}
 */
public record PortfolioKpis(Instant asOf, int periodDays, SegmentKpis overall, Map<String, SegmentKpis> segments) {

  /** Default period for MRR movements, GRR and NRR: a month, as CS teams report them. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  /** Collects accounts, then {@link #build()}s the report. */
  public static final class Builder {
    private final Instant asOf;
    private final Duration period;
    private final PortfolioTally overall;
    private final Map<String, PortfolioTally> segments = new LinkedHashMap<>();

    public Builder(Instant asOf, Duration period) {
      this.asOf = asOf;
      this.period = period;
      this.overall = new PortfolioTally(asOf, period);
      for (Segment segment : Segment.values()) {
        segments.put(segment.name(), new PortfolioTally(asOf, period));
      }
    }

    /** Adds one account with the band of its latest health record (null when it has none). */
    public Builder add(AccountState state, HealthBand band) {
      overall.add(state, band);
      String segment = state.profile == null ? "UNKNOWN" : state.profile.segment().name();
      segments.computeIfAbsent(segment, s -> new PortfolioTally(asOf, period)).add(state, band);
      return this;
    }

    public PortfolioKpis build() {
      Map<String, SegmentKpis> bySegment = new LinkedHashMap<>();
      segments.forEach((segment, tally) -> bySegment.put(segment, tally.kpis()));
      return new PortfolioKpis(asOf, (int) period.toDays(), overall.kpis(), bySegment);
    }
  }
}
