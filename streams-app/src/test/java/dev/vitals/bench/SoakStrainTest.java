package dev.vitals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

/** The strain read from Kafka Streams' metrics: thread maxima, RocksDB sums, each stalled store once. */
class SoakStrainTest {
  private final Map<MetricName, Metric> metrics = new HashMap<>();

  @Test
  void shouldTakeTheSlowestThreadAndSumCompactionsAndFlushesAcrossStores() {
    given("stream-thread-metrics", "commit-latency-max", Map.of("thread-id", "t1"), 20.0);
    given("stream-thread-metrics", "commit-latency-max", Map.of("thread-id", "t2"), 35.0);
    given("stream-thread-metrics", "punctuate-latency-max", Map.of("thread-id", "t1"), Double.NaN);
    given("stream-state-metrics", "num-running-compactions", store("ledger"), 1.0);
    given("stream-state-metrics", "num-running-flushes", store("summary"), 2.0);

    SoakStrain strain = SoakStrain.of(MachineCpu.Shares.UNKNOWN, metrics, 12);

    assertThat(strain.commitLatencyMaxMs()).isEqualTo(35.0);
    assertThat(strain.punctuateLatencyMaxMs()).as("no sample yet counts as zero").isZero();
    assertThat(strain.compactionsAndFlushes()).isEqualTo(3);
    assertThat(strain.gcMillis()).isEqualTo(12);
    assertThat(strain.stalledStores()).isZero();
  }

  @Test
  void shouldCountAStoreOnceWhenRocksDbBothDelaysAndStopsItsWrites() {
    given("stream-state-metrics", "actual-delayed-write-rate", store("ledger"), 16.0 * (1 << 20));
    given("stream-state-metrics", "is-write-stopped", store("ledger"), 1.0);
    given("stream-state-metrics", "is-write-stopped", store("summary"), 0.0);
    given("stream-state-metrics", "actual-delayed-write-rate", store("pending"), 8.0 * (1 << 20));

    SoakStrain strain = SoakStrain.of(MachineCpu.Shares.UNKNOWN, metrics, 0);

    assertThat(strain.stalledStores()).isEqualTo(2);
    assertThat(strain.describe()).contains("stalled stores 2");
  }

  private static Map<String, String> store(String name) {
    return Map.of("task-id", "0_0", "rocksdb-state-id", name);
  }

  private void given(String group, String name, Map<String, String> tags, double value) {
    MetricName metricName = new MetricName(name, group, "", tags);
    metrics.put(metricName, new Metric() {
      @Override
      public MetricName metricName() {
        return metricName;
      }

      @Override
      public Object metricValue() {
        return value;
      }
    });
  }
}
