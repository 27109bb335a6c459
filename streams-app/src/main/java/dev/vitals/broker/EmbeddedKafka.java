package dev.vitals.broker;

import dev.vitals.runtime.ChildProcesses;
import dev.vitals.runtime.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) in a child JVM on 127.0.0.1, started from the
 * {@code kafka_2.13} classes on this application's classpath: the storage is formatted with Kafka's StorageTool, the
 * server started with Kafka's own main class. A child process rather than an in-process server keeps the broker's
 * threads and memory apart from the pipeline's and lets tests stop it hard and start it again on the same data.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final int brokerPort;
  private final int controllerPort;
  private final String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
  private final SaslSslListener saslSsl;
  private final int saslSslPort;
  private Process process;

  /** A broker whose log directory and logs live under {@code dataDir}; ports are chosen when first started. */
  public EmbeddedKafka(Path dataDir, int brokerPort) {
    this(dataDir, brokerPort, null);
  }

  /** As above, plus a {@code SASL_SSL} listener (when {@code saslSsl} is not null) on a port of its own. */
  public EmbeddedKafka(Path dataDir, int brokerPort, SaslSslListener saslSsl) {
    this.dataDir = dataDir;
    this.brokerPort = brokerPort == 0 ? LoopbackPorts.free() : brokerPort;
    this.controllerPort = LoopbackPorts.free();
    this.saslSsl = saslSsl;
    this.saslSslPort = saslSsl == null ? -1 : LoopbackPorts.free();
  }

  /** The PLAINTEXT listener: open to anyone on this host, as the tests' brokers are. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** The {@code SASL_SSL} listener; only for a broker built with a {@link SaslSslListener}. */
  public String saslSslBootstrapServers() {
    if (saslSsl == null) {
      throw new IllegalStateException("this broker has no SASL_SSL listener");
    }
    return "127.0.0.1:" + saslSslPort;
  }

  /** Formats the storage (first start only), starts the broker and waits until it answers. */
  public synchronized EmbeddedKafka start() {
    Path properties = writeServerProperties();
    if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
      format(properties);
    }
    process = launch(List.of(BrokerProcess.class.getName(), properties.toString()), "broker.log");
    awaitReady();
    if (saslSsl != null) {
      ScramUsers.create(bootstrapServers(), saslSsl.users());
    }
    log.info("Kafka broker ready at {} (data in {}, log in {})", bootstrapServers(), dataDir,
        dataDir.resolve("broker.log"));
    return this;
  }

  /** Stops the broker cleanly (controlled shutdown) and waits for its process to end. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    if (!ChildProcesses.stop(process, Duration.ofSeconds(30))) {
      log.warn("broker did not stop within 30 s; killed it");
    }
    process = null;
  }

  /** Kills the broker without a controlled shutdown, as a crash would. */
  public synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor();
      process = null;
    }
  }

  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  @Override
  public void close() {
    stop();
  }

  private Path writeServerProperties() {
    Properties server = new Properties();
    server.put("process.roles", "broker,controller");
    server.put("node.id", "1");
    server.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    String listeners = "PLAINTEXT://127.0.0.1:" + brokerPort;
    String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
    if (saslSsl != null) {
      listeners += "," + SaslSslListener.NAME + "://127.0.0.1:" + saslSslPort;
      protocols += "," + SaslSslListener.NAME + ":" + SaslSslListener.NAME;
      saslSsl.configure(server);
    }
    server.put("listeners", listeners + ",CONTROLLER://127.0.0.1:" + controllerPort);
    server.put("advertised.listeners", listeners);
    server.put("inter.broker.listener.name", "PLAINTEXT");
    server.put("controller.listener.names", "CONTROLLER");
    server.put("listener.security.protocol.map", protocols);
    server.put("log.dirs", dataDir.resolve("log").toString());
    // One node: every internal topic has one replica, and transactions (exactly-once) need only one in sync.
    server.put("offsets.topic.replication.factor", "1");
    server.put("transaction.state.log.replication.factor", "1");
    server.put("transaction.state.log.min.isr", "1");
    server.put("share.coordinator.state.topic.replication.factor", "1");
    server.put("share.coordinator.state.topic.min.isr", "1");
    server.put("group.initial.rebalance.delay.ms", "0");
    server.put("num.partitions", "1");
    // The demo and the tests publish histories whose record timestamps are the events' own times, weeks or months
    // old. Time-based retention counts from those timestamps, so the broker's first retention check (30 s after
    // start) would delete whole segments of input not yet read. The embedded broker keeps everything; a production
    // cluster sets retention for the age of what it is given (docs/operations.md, backfills).
    server.put("log.retention.ms", "-1");
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve("server.properties");
      try (var out = Files.newBufferedWriter(file)) {
        server.store(out, "embedded Vitals broker");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker configuration in " + dataDir, e);
    }
  }

  private void format(Path properties) {
    Process formatter = launch(List.of("kafka.tools.StorageTool", "format", "--standalone",
        "--cluster-id", clusterId, "--config", properties.toString()), "format.log");
    try {
      if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
        formatter.destroyForcibly();
        throw new IllegalStateException("formatting the broker storage failed; see " + dataDir.resolve("format.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting the broker storage", e);
    }
  }

  private Process launch(List<String> mainAndArgs, String logName) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(mainAndArgs);
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve(logName).toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + mainAndArgs.get(0), e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the broker exited with status " + process.exitValue() + "; see "
              + dataDir.resolve("broker.log"));
        }
        try {
          admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("the broker did not answer within " + START_TIMEOUT + "; see "
                + dataDir.resolve("broker.log"));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
      }
    }
  }

}
