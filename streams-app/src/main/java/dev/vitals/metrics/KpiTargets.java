package dev.vitals.metrics;

import dev.vitals.kpi.KpiCatalogue;
import dev.vitals.schema.Segment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code vitals_kpi_target}: the KPI catalogue's target per KPI and segment (SPEC §3), exported beside the values so
 * boards show attainment and a rule can compare the two. Constant while the instance runs; every instance exports
 * the same values, so read them with {@code max by (...)}, never {@code sum}.
 */
public final class KpiTargets implements MeterBinder, AutoCloseable {
  private final KpiCatalogue catalogue;
  private final List<Meter> meters = new ArrayList<>();
  private MeterRegistry registry;

  public KpiTargets(KpiCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    for (KpiCatalogue.Kpi kpi : catalogue.kpis()) {
      for (Segment segment : Segment.values()) {
        double target = kpi.targetFor(segment);
        meters.add(Gauge.builder("vitals.kpi.target", () -> target)
            .description("Target of each KPI of the catalogue (docs/kpis.md), per segment")
            .tags("kpi", kpi.id(), "segment", segment.name(),
                "layer", kpi.layer().name().toLowerCase(Locale.ROOT),
                "direction", kpi.direction().name().toLowerCase(Locale.ROOT))
            .register(registry));
      }
    }
  }

  @Override
  public void close() {
    if (registry != null) {
      meters.forEach(registry::remove);
    }
    meters.clear();
  }
}
