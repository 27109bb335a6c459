package dev.vitals.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.testing.MetricsScrape;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Third-party meter names made to pass {@code promtool check metrics}. */
class PrometheusConventionsTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();

  PrometheusConventionsTest() {
    registry.config().meterFilter(new PrometheusConventions());
  }

  @Test
  void shouldLeaveOutGaugesThatLookLikeAHistogramsCount() {
    Gauge.builder("kafka.consumer.connection.count", () -> 3).register(registry);
    FunctionCounter.builder("kafka.consumer.fetch.manager.records.consumed", this, x -> 1).register(registry);

    assertThat(registry.find("kafka.consumer.connection.count").gauge()).isNull();
    assertThat(registry.find("kafka.consumer.fetch.manager.records.consumed").functionCounter()).isNotNull();
  }

  @Test
  void shouldLeaveOutTimesInAbbreviatedUnits() {
    FunctionCounter.builder("kafka.producer.io.time.ns.total", this, x -> 1).register(registry);
    Gauge.builder("kafka.app.info.start.time.ms", () -> 1).register(registry);
    FunctionCounter.builder("process.cpu.time", this, x -> 1).baseUnit("ns").register(registry);
    Gauge.builder("kafka.stream.thread.process.rate", () -> 1).register(registry);

    assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
        .containsExactly("kafka.stream.thread.process.rate");
  }
}
