package dev.vitals.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka Streams' and the Kafka clients' own metrics through Micrometer's {@link KafkaStreamsMetrics}, with two
 * corrections. RocksDB metrics name their store with a tag that depends on the store type ({@code rocksdb.state.id}
 * for key-value stores, {@code rocksdb.window.state.id} for the de-duplication window store); Prometheus requires
 * one label set per name, so the registry refused the window store's meters with a warning at start-up. One tag
 * name for all store types fixes that. And the pipeline's own counters, which are Kafka metrics too, are exported
 * by {@link PipelineMeters} as {@code vitals_*}, so they are kept out of the {@code kafka_*} series.
 */
final class KafkaClientMeters implements AutoCloseable {
  private static final String STORE_TAG = "rocksdb.state.id";

  private final KafkaStreamsMetrics binder;

  KafkaClientMeters(KafkaStreams streams) {
    this.binder = new KafkaStreamsMetrics(streams);
  }

  /** Filters must be in place before the binder registers its first meter. */
  static void configure(MeterRegistry registry) {
    registry.config()
        .meterFilter(MeterFilter.denyNameStartsWith("kafka.vitals"))
        .meterFilter(MeterFilter.renameTag("kafka.stream.state", "rocksdb.window.state.id", STORE_TAG))
        .meterFilter(MeterFilter.renameTag("kafka.stream.state", "rocksdb.session.state.id", STORE_TAG));
  }

  void bindTo(MeterRegistry registry) {
    binder.bindTo(registry);
  }

  @Override
  public void close() {
    binder.close();
  }
}
