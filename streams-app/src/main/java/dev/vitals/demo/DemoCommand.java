package dev.vitals.demo;

import dev.vitals.broker.EmbeddedKafka;
import dev.vitals.registry.EmbeddedRegistry;
import dev.vitals.runtime.EventPublisher;
import dev.vitals.runtime.ServiceConfig;
import dev.vitals.runtime.TopicLayout;
import dev.vitals.runtime.TopicProvisioner;
import dev.vitals.runtime.Directories;
import dev.vitals.runtime.VitalsService;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.topology.EventTopics;
import dev.vitals.topology.TopicNames;
import dev.vitals.topology.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "The embedded default: a real single-node Kafka broker (KRaft) on 127.0.0.1, the topics, a simulated customer"
            + " base (history up to now, then live usage), the pipeline, /metrics and the REST API. Ctrl-C stops"
            + " everything."})
public final class DemoCommand implements Callable<Integer> {
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  @Spec
  CommandSpec spec;

  @Option(names = "--accounts", defaultValue = "60", description = "Simulated accounts (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--days", defaultValue = "60", description = "Days of history (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--rate", defaultValue = "20",
      description = "Live usage events per second after the history (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--seed", defaultValue = "42", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--http-port", defaultValue = "8080", description = "REST API and /metrics (default: 8080).")
  int httpPort;

  @Option(names = "--kafka-port", defaultValue = "0", description = "Broker port (default: any free port).")
  int kafkaPort;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions per account topic (default: 3).")
  int partitions;

  @Option(names = "--data-dir", description = "Where broker data and state live (default: a temporary folder,"
      + " deleted at exit).")
  Path dataDir;

  @Option(names = "--registry", defaultValue = "apicurio",
      description = "apicurio: a real Confluent-compatible registry (needs Java 21+; see docs/operations.md);"
          + " mock: an in-process one (default: ${DEFAULT-VALUE}).")
  RegistryChoice registryChoice;

  /** Which schema registry the demo runs with. */
  enum RegistryChoice { apicurio, mock }

  @Option(names = "--run-for", description = "Stop by itself after this long, e.g. PT2M (default: until Ctrl-C).")
  Duration runFor;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean temporary = dataDir == null;
    Path home = temporary ? Files.createTempDirectory("vitals-demo") : Files.createDirectories(dataDir);
    CountDownLatch stopped = new CountDownLatch(1);
    Demo demo = new Demo(home, temporary, out);
    Thread hook = new Thread(() -> {
      demo.close();
      stopped.countDown();
    }, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    demo.start();
    if (!waitOrProgress(demo, stopped, runFor)) {
      // --run-for elapsed: stop as Ctrl-C would.
      Runtime.getRuntime().removeShutdownHook(hook);
      demo.close();
    }
    return 0;
  }

  /** Prints progress until stopped or until {@code limit} passes; true when stopped. */
  private boolean waitOrProgress(Demo demo, CountDownLatch stopped, Duration limit) throws InterruptedException {
    Instant deadline = limit == null ? Instant.MAX : Instant.now().plus(limit);
    while (!stopped.await(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
      demo.printProgress();
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
    }
    return true;
  }

  /** The demo's parts, started in order and stopped in reverse. */
  private final class Demo {
    private final Path home;
    private final boolean temporary;
    private final PrintWriter out;
    private EmbeddedKafka kafka;
    private EmbeddedRegistry registry;
    private VitalsService service;
    private DemoFeed feed;
    private boolean closed;

    Demo(Path home, boolean temporary, PrintWriter out) {
      this.home = home;
      this.temporary = temporary;
      this.out = out;
    }

    void start() {
      out.println("Vitals demo: starting a Kafka broker (KRaft) on 127.0.0.1 ...");
      out.flush();
      kafka = new EmbeddedKafka(home.resolve("kafka"), kafkaPort).start();
      TopicNames names = TopicNames.defaults();
      TopicProvisioner.ensure(kafka.bootstrapServers(), Map.of(), TopicLayout.of(names, partitions, (short) 1));

      String registryUrl = startRegistry();
      VitalsSerdes serdes = new VitalsSerdes(Map.of("schema.registry.url", registryUrl));
      ServiceConfig config = ServiceConfig.fromSettings(Map.of(
          "application.id", "vitals-demo",
          "bootstrap.servers", kafka.bootstrapServers(),
          "schema.registry.url", registryUrl,
          "state.dir", home.resolve("state").toString(),
          "http.port", Integer.toString(httpPort)), "demo");
      service = new VitalsService(config, ScoringConfig.defaults(), serdes).start();

      HistorySimulator history = new HistorySimulator(seed, accounts, Instant.now().minus(Duration.ofDays(days)),
          days);
      EventPublisher publisher = new EventPublisher(kafka.bootstrapServers(), Map.of(),
          new EventTopics(Topics.of(names, serdes)));
      feed = new DemoFeed(history, publisher, rate).start();

      String http = "http://127.0.0.1:" + service.httpPort();
      out.println();
      out.println("  Kafka broker     " + kafka.bootstrapServers() + "   (log: " + home.resolve("kafka/broker.log") + ")");
      out.println("  Schema registry  " + registryUrl + (registry == null ? " (in-process)"
          : "   (Apicurio, log: " + home.resolve("registry/registry.log") + ")"));
      out.println("  Health REST API  " + http + "/accounts?band=AT_RISK   " + http + "/accounts/acc-0001/health");
      out.println("  Metrics          " + http + "/metrics");
      out.println("  Probes           " + http + "/healthz   " + http + "/readyz");
      out.println("  Data             " + home + (temporary ? " (deleted at exit)" : ""));
      out.println();
      out.println("Publishing " + accounts + " accounts x " + days + " days of history, then " + rate
          + " live usage events/s. Ctrl-C stops everything.");
      out.flush();
    }

    /** The registry's URL; with mock, the pipeline and the simulated producers share one in-process registry. */
    private String startRegistry() {
      if (registryChoice == RegistryChoice.mock) {
        return "mock://vitals-demo";
      }
      out.println("Starting the schema registry (Apicurio) on 127.0.0.1 ...");
      out.flush();
      registry = EmbeddedRegistry.start(home.resolve("registry"), System.getenv());
      return registry.url();
    }

    void printProgress() {
      String bands;
      try {
        bands = service.state() == KafkaStreams.State.RUNNING ? BandCounts.of(service.streams()).toString()
            : "pipeline " + service.state();
      } catch (InvalidStateStoreException e) {
        bands = "state is being restored";
      }
      out.printf("[%s] published %d events (%s); %s%n", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
          feed.published(), feed.historyDone() ? "history done, " + feed.liveEvents() + " live" : "history",
          bands);
      out.flush();
    }

    synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      out.println("Stopping the demo ...");
      out.flush();
      try {
        if (feed != null) {
          feed.close();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (service != null) {
        service.close();
      }
      if (kafka != null) {
        kafka.stop();
      }
      if (registry != null) {
        registry.close();
      }
      if (temporary) {
        Directories.deleteRecursively(home);
      }
      out.println("Stopped; nothing left running.");
      out.flush();
    }
  }
}
