package dev.vitals.runtime;

import dev.vitals.metrics.VitalsMetrics;
import dev.vitals.rest.HttpApi;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.ProcessingErrorCounts;
import dev.vitals.topology.ProcessingErrorPolicy;
import dev.vitals.topology.Topics;
import dev.vitals.topology.VitalsTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Vitals instance: owns the {@link KafkaStreams} client of the topology, its state listener and
 * shutdown, the metrics registry and the HTTP API. {@code run} and {@code demo} both start exactly this.
 */
public final class VitalsService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VitalsService.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final ServiceConfig config;
  private final VitalsSerdes serdes;
  private final double grossMargin;
  private final KafkaStreams streams;
  private final VitalsMetrics metrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  /** Counted down by {@link #close()} or when Kafka Streams ends in ERROR: either way this instance is done. */
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile Throwable fatalError;
  private HttpApi http;

  public VitalsService(ServiceConfig config, ScoringConfig scoring, VitalsSerdes serdes) {
    this.config = config;
    this.serdes = serdes;
    this.grossMargin = scoring.portfolio().grossMargin();
    Properties properties = StreamsSettings.of(config);
    ProcessingErrorCounts processingErrors = new ProcessingErrorCounts();
    properties.put(ProcessingErrorPolicy.COUNTS_CONFIG, processingErrors);
    log.info("effective configuration: {}", ConfigText.forLog(config, properties));
    log.info("scoring model:\n{}", scoring.describe());
    this.streams = new KafkaStreams(VitalsTopology.build(Topics.of(config.topics(), serdes), scoring,
        config.agentWindows()), properties);
    String version = VitalsService.class.getPackage().getImplementationVersion();
    this.metrics = new VitalsMetrics(streams, processingErrors, config.topics(), config.accountSeriesCap(),
        config.agentSeriesCap(),
        version == null ? "development" : version, scoring.modelVersion(), grossMargin);
    streams.setStateListener((now, before) -> {
      log.info("Kafka Streams {} -> {}", before, now);
      if (now == KafkaStreams.State.ERROR) {
        ended.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(error -> {
      StreamThreadExceptionResponse response = onStreamThreadFailure(error);
      if (response == StreamThreadExceptionResponse.SHUTDOWN_CLIENT) {
        fatalError = error;
      }
      return response;
    });
  }

  /**
   * A stream thread died. A retriable cause (a registry or broker briefly away) is not the data's fault: replace the
   * thread, and its tasks retry from their last commit. Anything else reaches here only when processing errors
   * exceeded {@link ProcessingErrorPolicy}'s budget (single bad records are dead-lettered), so retrying would loop
   * on the same defect: shut the client down, and let the orchestrator and on-call see it.
   */
  static StreamThreadExceptionResponse onStreamThreadFailure(Throwable error) {
    if (KafkaAccess.isRefused(error)) {
      // Credentials do not heal by retrying; say so in one line an operator can act on.
      log.error(KafkaAccess.explain(error));
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    if (ProcessingErrorPolicy.isRetriable(error)) {
      log.warn("stream thread failed on a retriable error; replacing it", error);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    log.error("stream thread failed on a repeating error; shutting this instance down", error);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  /**
   * Registers the output contracts ({@link OutputContracts}: a refused one fails the start here, before anything is
   * consumed), then starts the HTTP API, then Kafka Streams.
   */
  public VitalsService start() {
    OutputContracts.register(serdes, config.topics());
    try {
      HostInfo advertised = HostInfo.buildFromEndpoint(config.advertisedServer());
      http = new HttpApi(streams, metrics, config.httpHost(), config.httpPort(), advertised, grossMargin,
          config.agentWindows(), config.httpToken()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve HTTP on " + config.httpHost() + ":" + config.httpPort(), e);
    }
    streams.start();
    return this;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public int httpPort() {
    return http.port();
  }

  public KafkaStreams streams() {
    return streams;
  }

  /**
   * Blocks until {@link #close()} has run (from a shutdown hook, say) or Kafka Streams has failed for good (state
   * ERROR); then {@link #failure()} tells which.
   */
  public void awaitStop() throws InterruptedException {
    ended.await();
  }

  /** Why Kafka Streams ended in ERROR, in one line (authentication named as such); empty while it has not. */
  public java.util.Optional<String> failure() {
    if (streams.state() != KafkaStreams.State.ERROR) {
      return java.util.Optional.empty();
    }
    Throwable error = fatalError;
    return java.util.Optional.of(error == null ? "Kafka Streams failed (see the log above)"
        : KafkaAccess.isRefused(error) ? KafkaAccess.explain(error) : "Kafka Streams failed: " + error);
  }

  @Override
  public void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    if (http != null) {
      http.close();
    }
    // Leave the group at once, so a surviving instance takes the tasks over now, not after the session timeout.
    streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
    metrics.close();
    stopped.countDown();
    ended.countDown();
    log.info("Vitals stopped");
  }
}
