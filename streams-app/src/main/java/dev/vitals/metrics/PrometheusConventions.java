package dev.vitals.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps third-party meters (Kafka's clients, Micrometer's process binder) within Prometheus' naming conventions, so
 * that {@code promtool check metrics} passes on a real scrape. Kafka names some times in abbreviated units
 * ({@code io-time-ns-total}, {@code start-time-ms}): a filter cannot rescale a function meter's values, and each
 * has a ratio or rate beside it, so they are left out. Gauges named {@code ...-count} read as a histogram's count to
 * Prometheus; they are left out too (a connection or buffer count that no board or rule reads): renaming them
 * instead made Micrometer's Kafka binder, which looks its meters up by their original names, register them again
 * at every refresh. Kafka's per-node request latencies come without a description and are left out.
 */
final class PrometheusConventions implements MeterFilter {

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    String name = id.getName();
    String unit = id.getBaseUnit();
    boolean abbreviatedUnit = name.contains(".ns.") || name.endsWith(".ns") || name.endsWith(".ms")
        || name.contains(".ms.") || "ns".equals(unit) || "ms".equals(unit);
    boolean countGauge = name.endsWith(".count") && id.getType() == Meter.Type.GAUGE;
    return abbreviatedUnit || countGauge || name.contains("node.request.latency") ? MeterFilterReply.DENY
        : MeterFilterReply.NEUTRAL;
  }
}
