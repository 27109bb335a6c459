package dev.vitals.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.topology.PipelineSensors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class PipelineCountsTest {
  private final Map<MetricName, Metric> clientMetrics = new LinkedHashMap<>();
  private final AtomicInteger mapsBuilt = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong();
  private final PipelineCounts counts = new PipelineCounts(() -> {
    mapsBuilt.incrementAndGet();
    return new LinkedHashMap<>(clientMetrics);
  }, nanos::get);

  @Test
  void shouldReadTheClientsMetricsOnceForManySumsAndStillSeeTheirLiveValues() {
    AtomicLong accepted = new AtomicLong(3);
    add("events-accepted", Map.of("topic", "usage", "thread", "t1"), accepted);
    add("events-accepted", Map.of("topic", "usage", "thread", "t2"), new AtomicLong(4));
    add("events-accepted", Map.of("topic", "tickets", "thread", "t1"), new AtomicLong(5));
    add("events-rejected", Map.of("topic", "usage", "reason", "undecodable"), new AtomicLong(1));

    counts.refresh();
    double usage = counts.sum("events-accepted", Map.of("topic", "usage"));
    accepted.set(10);
    double usageLater = counts.sum("events-accepted", Map.of("topic", "usage"));
    double tickets = counts.sum("events-accepted", Map.of("topic", "tickets"));

    assertThat(usage).isEqualTo(7.0);
    assertThat(usageLater).as("values are read live").isEqualTo(14.0);
    assertThat(tickets).isEqualTo(5.0);
    assertThat(mapsBuilt).as("Kafka's metrics map built once, not once per sum").hasValue(1);
  }

  @Test
  void shouldSeeAMetricCreatedSinceWhenTheListIsOlderThanASecondOrAtTheNextScrape() {
    counts.refresh();
    add("events-duplicate", Map.of("topic", "usage"), new AtomicLong(2));

    double withinASecond = counts.sum("events-duplicate", Map.of("topic", "usage"));
    nanos.addAndGet(Duration.ofMillis(1_001).toNanos());
    double afterASecond = counts.sum("events-duplicate", Map.of("topic", "usage"));

    assertThat(withinASecond).isZero();
    assertThat(afterASecond).isEqualTo(2.0);
  }

  private void add(String name, Map<String, String> tags, AtomicLong value) {
    MetricName metricName = new MetricName(name, PipelineSensors.GROUP, "", tags);
    clientMetrics.put(metricName, new Metric() {
      @Override
      public MetricName metricName() {
        return metricName;
      }

      @Override
      public Object metricValue() {
        return value.doubleValue();
      }
    });
  }
}
