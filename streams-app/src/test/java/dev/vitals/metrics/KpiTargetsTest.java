package dev.vitals.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.kpi.KpiCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The catalogue's targets as meters, one per KPI and segment. */
class KpiTargetsTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void shouldExportEachKpisTargetPerSegmentWithItsLayerAndDirection() {
    KpiCatalogue catalogue = KpiCatalogue.bundled();
    KpiTargets targets = new KpiTargets(catalogue);

    targets.bindTo(registry);

    assertThat(registry.get("vitals.kpi.target").tags("kpi", "nps", "segment", "ENTERPRISE", "layer", "strategic",
        "direction", "higher").gauge().value()).isEqualTo(40);
    assertThat(registry.get("vitals.kpi.target").tags("kpi", "nps", "segment", "MID_MARKET").gauge().value())
        .as("the default target").isEqualTo(30);
    assertThat(registry.get("vitals.kpi.target").gauges()).hasSize(catalogue.kpis().size() * 3)
        .allSatisfy(gauge -> assertThat(gauge.getId().getDescription()).isNotBlank());

    targets.close();
    assertThat(registry.getMeters()).isEmpty();
  }
}
