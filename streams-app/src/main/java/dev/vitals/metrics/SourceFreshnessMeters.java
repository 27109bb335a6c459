package dev.vitals.metrics;

import dev.vitals.kpi.DataSource;
import dev.vitals.topology.SourceClocks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Data freshness per source (SPEC §8), read from the tasks' state at each scrape: {@code
 * vitals_source_last_event_timestamp_seconds{source}}, the event time of the source's latest event over the
 * partitions this instance owns (the maximum; NaN when none of them has seen the source), and {@code
 * vitals_source_data_gap_partitions{source}}, how many of those partitions have the source in a data gap. Across
 * instances the first combines with {@code max} and the second with {@code sum}: each partition is owned by one
 * instance.
 */
final class SourceFreshnessMeters implements MeterBinder {
  private final SourceClockEntries entries;

  SourceFreshnessMeters(SourceClockEntries entries) {
    this.entries = entries;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (DataSource source : DataSource.all()) {
      Gauge.builder("vitals.source.last.event.timestamp", this, meters -> meters.latestSeconds(source))
          .description("Event time of the latest event of a source over this instance's partitions (data freshness)")
          .baseUnit("seconds")
          .tag("source", source.label())
          .register(registry);
      Gauge.builder("vitals.source.data.gap.partitions", this, meters -> meters.partitionsInGap(source))
          .description("Partitions of this instance on which a source is silent for every account for longer than"
              + " its pipeline.dataGap threshold (event time)")
          .tag("source", source.label())
          .register(registry);
    }
  }

  double latestSeconds(DataSource source) {
    String key = SourceClocks.lastEventKey(source);
    long[] latest = {Long.MIN_VALUE};
    entries.forEach((name, millis) -> {
      if (name.equals(key) && millis != null) {
        latest[0] = Math.max(latest[0], millis);
      }
    });
    return latest[0] == Long.MIN_VALUE ? Double.NaN : latest[0] / 1000.0;
  }

  double partitionsInGap(DataSource source) {
    String key = SourceClocks.dataGapKey(source);
    int[] partitions = {0};
    entries.forEach((name, since) -> {
      if (name.equals(key)) {
        partitions[0]++;
      }
    });
    return partitions[0];
  }
}
