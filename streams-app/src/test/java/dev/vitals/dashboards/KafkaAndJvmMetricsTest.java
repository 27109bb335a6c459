package dev.vitals.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boards' Kafka, JVM and process series are not in docs/metrics.md: they come from Micrometer's binders, named
 * after Kafka's own metrics. This checks every such name a board queries against what those binders really export
 * for a Kafka Streams client (built, not started: its clients and stream threads exist from construction), bound
 * as {@code VitalsService} binds them.
 */
class KafkaAndJvmMetricsTest {
  @TempDir
  Path stateDir;

  @Test
  void everyKafkaJvmAndProcessSeriesOnTheBoardsIsExported() {
    Set<String> used = new TreeSet<>();
    DashboardQueries.load().rawPanelQueries().forEach(q -> DashboardsTest.metricNames(q.expr()).stream()
        .filter(n -> n.startsWith("kafka_") || n.startsWith("jvm_") || n.startsWith("process_")).forEach(used::add));
    assertThat(used).contains("kafka_consumer_fetch_manager_records_lag_max", "kafka_stream_client_state",
        "jvm_memory_used_bytes", "process_cpu_usage");

    try (KafkaStreams streams = streams()) {
      PrometheusMeterRegistry registry = registry(streams);
      try {
        System.gc(); // jvm_gc_pause_seconds appears after the first collection
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(names(registry.scrape())).containsAll(used));

        String scrape = registry.scrape();
        assertThat(scrape).as("the lag filter's label and the restore consumer it leaves out")
            .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"[^\"]*restore-consumer\"")
            .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"[^\"]*StreamThread-1-consumer\"");
        assertThat(scrape).as("client state is the state's ordinal: CREATED before start")
            .containsPattern("(?m)^kafka_stream_client_state\\{[^}]*} 0\\.0$");
      } finally {
        registry.close();
      }
    }
  }

  /** The pipeline board names the client state's numbers: they must be Kafka Streams' states in their order. */
  @Test
  void theClientStateMappingFollowsKafkaStreamsStates() {
    JsonNode mapping = null;
    for (DashboardQueries.Panel panel : DashboardQueries.load().panels()) {
      if (panel.json().path("targets").toString().contains("kafka_stream_client_state")) {
        mapping = panel.json().path("fieldConfig").path("defaults").path("mappings").get(0).path("options");
      }
    }
    assertThat(mapping).isNotNull();
    List<String> texts = new ArrayList<>();
    for (KafkaStreams.State state : KafkaStreams.State.values()) {
      texts.add(mapping.path(String.valueOf(state.ordinal())).path("text").asText());
    }
    assertThat(texts).containsExactly(
        java.util.Arrays.stream(KafkaStreams.State.values()).map(Enum::name).toArray(String[]::new));
  }

  private KafkaStreams streams() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "vitals-metric-names");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    properties.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    return new KafkaStreams(builder.build(), properties);
  }

  /** As VitalsService.start() binds them. */
  private static PrometheusMeterRegistry registry(KafkaStreams streams) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new KafkaStreamsMetrics(streams).bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  private static Set<String> names(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }
}
