package dev.vitals.scoring;

import dev.vitals.kpi.DataSource;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * When a source's silence is a pipeline data gap (SPEC §8, data freshness): a source is in a gap on a partition once
 * it has had no event for any of the partition's accounts for longer than its threshold, measured in event time
 * against the partition's latest event of any source. Each source has its own threshold because each has its own
 * pace: usage flows all day, invoices come monthly. Detection only: what a gap does to scoring needs no threshold
 * (docs/scoring.md, "Data freshness").
 *
 * @param after the silence after which each source is in a gap; every source has one
 */
public record DataGapPolicy(Map<DataSource, Duration> after) {
  /** Defaults for the bundled model, about three times each source's quietest normal spell in the demo's feed. */
  private static final Map<DataSource, Duration> DEFAULTS = Map.of(
      DataSource.USAGE, Duration.ofHours(6),
      DataSource.TICKETS, Duration.ofDays(3),
      DataSource.BILLING, Duration.ofDays(45),
      DataSource.SURVEYS, Duration.ofDays(30));

  public DataGapPolicy {
    Checks.present("dataGap", after);
    Map<DataSource, Duration> checked = new EnumMap<>(DataSource.class);
    for (DataSource source : DataSource.all()) {
      checked.put(source, Checks.positive(source.label(), after.get(source)));
    }
    after = Collections.unmodifiableMap(checked);
  }

  public static DataGapPolicy defaults() {
    return new DataGapPolicy(DEFAULTS);
  }

  /** The defaults with what {@code given} sets in their place. */
  public static DataGapPolicy defaultsWith(Map<DataSource, Duration> given) {
    Map<DataSource, Duration> merged = new EnumMap<>(DEFAULTS);
    merged.putAll(given);
    return new DataGapPolicy(merged);
  }

  /** How long {@code source} may be silent for every account before it is a gap. */
  public Duration of(DataSource source) {
    return after.get(source);
  }
}
