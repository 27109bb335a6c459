package dev.vitals.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.kpi.DataSource;
import dev.vitals.topology.SourceClocks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Data freshness per source, read from the tasks' event-clock stores at each read of the gauges. */
class SourceFreshnessMetersTest {
  private final List<Map.Entry<String, Long>> entries = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void shouldExportTheLatestEventOfEachSourceOverTheOwnedPartitions() {
    // given: two tasks' clocks (one store view iterates both), usage later on the second
    task(1_773_100_800_000L, 1_773_000_000_000L);
    task(1_773_187_200_000L, null);
    new SourceFreshnessMeters(action -> entries.forEach(e -> action.accept(e.getKey(), e.getValue())))
        .bindTo(registry);

    // then: the maximum, in seconds; a source no partition has seen is NaN rather than an invented time
    assertThat(gauge("vitals.source.last.event.timestamp", DataSource.USAGE)).isEqualTo(1_773_187_200.0);
    assertThat(gauge("vitals.source.last.event.timestamp", DataSource.TICKETS)).isEqualTo(1_773_000_000.0);
    assertThat(gauge("vitals.source.last.event.timestamp", DataSource.SURVEYS)).isNaN();
    assertThat(registry.get("vitals.source.last.event.timestamp").tag("source", "usage").gauge().getId()
        .getBaseUnit()).isEqualTo("seconds");
  }

  @Test
  void shouldCountThePartitionsInADataGapAtEachRead() {
    new SourceFreshnessMeters(action -> entries.forEach(e -> action.accept(e.getKey(), e.getValue())))
        .bindTo(registry);
    assertThat(gauge("vitals.source.data.gap.partitions", DataSource.USAGE)).isZero();

    // when: usage is in a gap on two partitions, then flows again on one
    entries.add(Map.entry(SourceClocks.dataGapKey(DataSource.USAGE), 1_773_100_800_000L));
    entries.add(Map.entry(SourceClocks.dataGapKey(DataSource.USAGE), 1_773_100_900_000L));
    assertThat(gauge("vitals.source.data.gap.partitions", DataSource.USAGE)).isEqualTo(2.0);
    entries.remove(1);

    // then: read from state each time, not counted as gaps start and end
    assertThat(gauge("vitals.source.data.gap.partitions", DataSource.USAGE)).isEqualTo(1.0);
    assertThat(gauge("vitals.source.data.gap.partitions", DataSource.BILLING)).isZero();
  }

  private void task(Long usage, Long tickets) {
    entries.add(Map.entry("event-clock", usage));
    entries.add(Map.entry(SourceClocks.lastEventKey(DataSource.USAGE), usage));
    if (tickets != null) {
      entries.add(Map.entry(SourceClocks.lastEventKey(DataSource.TICKETS), tickets));
    }
  }

  private double gauge(String name, DataSource source) {
    return registry.get(name).tag("source", source.label()).gauge().value();
  }
}
