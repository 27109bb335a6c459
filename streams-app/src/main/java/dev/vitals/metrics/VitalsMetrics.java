package dev.vitals.metrics;

import dev.vitals.kpi.KpiCatalogue;
import dev.vitals.topology.ProcessingErrorCounts;
import dev.vitals.topology.TopicNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything {@code GET /metrics} answers (docs/metrics.md): the business and per-account series read from state at
 * scrape time, the pipeline's counters and latency histogram, Kafka's client metrics and the JVM's.
 */
public final class VitalsMetrics implements AutoCloseable {
  /** Per-agent series exported by default: a large support team's worth, some 20 series each. */
  public static final int DEFAULT_AGENT_SERIES_CAP = 100;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final KafkaClientMeters kafka;
  private final PipelineMeters pipeline;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final KpiTargets targets = new KpiTargets(KpiCatalogue.bundled());

  /**
   * @param accountSeriesCap how many accounts to export per-account series for, lowest scores first
   * @param version the release, and {@code modelVersion} the scoring model's, for {@code vitals_build_info}
   * @param grossMargin CLV's, exported for the recording rule that computes CLV
   */
  public VitalsMetrics(KafkaStreams streams, ProcessingErrorCounts processingErrors, TopicNames topics,
      int accountSeriesCap, int agentSeriesCap, String version, String modelVersion, double grossMargin) {
    registry.config().meterFilter(new PrometheusConventions());
    KafkaClientMeters.configure(registry);
    PipelineCounts counts = new PipelineCounts(streams::metrics);
    this.kafka = new KafkaClientMeters(streams);
    this.pipeline = new PipelineMeters(counts, processingErrors, List.of(topics.usage(), topics.tickets(),
        topics.billing(), topics.surveys(), topics.accounts(), topics.costs()));
    kafka.bindTo(registry);
    pipeline.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    targets.bindTo(registry);
    new SourceFreshnessMeters(SourceClockEntries.of(streams)).bindTo(registry);
    Gauge.builder("vitals.build.info", () -> 1)
        .description("The Vitals release and scoring model running (always 1)")
        .tags("version", version, "model_version", modelVersion)
        .register(registry);
    registry.getPrometheusRegistry().register(new EventToScoreLatency(counts));
    registry.getPrometheusRegistry().register(new StateMetrics(OwnedAccounts.of(streams), accountSeriesCap,
        OwnedTickets.of(streams)));
    registry.getPrometheusRegistry().register(new CostSeries(CostSeries.CostReports.of(streams), grossMargin));
    registry.getPrometheusRegistry().register(AgentSeries.of(streams, agentSeriesCap));
  }

  /** The Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    pipeline.close();
    targets.close();
    kafka.close();
    gc.close();
    registry.close();
  }
}
