package dev.vitals.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code vitals run --config FILE} in a JVM of its own, as production runs it: started from this test's classpath,
 * its output appended to a log file, killed hard (SIGKILL, as {@code kill -9}) or stopped with SIGTERM.
 */
public final class RunJvm implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Path config;
  private final Path log;
  private final int httpPort;
  private final Map<String, String> environment = new TreeMap<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private final List<String> arguments = new ArrayList<>();
  private Process process;

  public RunJvm(Path config, Path log, int httpPort) {
    this.config = config;
    this.log = log;
    this.httpPort = httpPort;
  }

  /**
   * An instance with {@code settings}, its properties file ({@code vitals.properties}) and log ({@code run.log}) in
   * {@code dir}; a restart in the same directory appends to the same log.
   */
  public static RunJvm in(Path dir, InstanceSettings settings) {
    return new RunJvm(settings.writeTo(dir.resolve("vitals.properties")), dir.resolve("run.log"),
        settings.httpPort());
  }

  /** Where the instance's standard output and error go. */
  public Path log() {
    return log;
  }

  /** A variable in the JVM's environment, as an orchestrator passes secrets ({@code VITALS_*}). */
  public RunJvm withEnvironment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** More arguments to {@code run}, such as {@code --create-topics 1}. */
  public RunJvm withArguments(String... more) {
    arguments.addAll(List.of(more));
    return this;
  }

  /**
   * Logs as a production instance does (the application's logback.xml: Vitals at INFO) rather than as the tests do
   * (logback-test.xml, which the test classpath would otherwise pick: WARN only).
   */
  public RunJvm withProductionLogging() {
    URL production = Objects.requireNonNull(RunJvm.class.getClassLoader().getResource("logback.xml"));
    jvmOptions.add("-Dlogback.configurationFile=" + production);
    return this;
  }

  public RunJvm start() {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "dev.vitals.cli.VitalsCli", "run", "--config", config.toString()));
    command.addAll(arguments);
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      process = builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start vitals run", e);
    }
  }

  /** The exit status once the JVM has ended within {@code timeout}; empty while it still runs. */
  public Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? Optional.of(process.exitValue()) : Optional.empty();
  }

  public long pid() {
    return process.pid();
  }

  /** Waits until the instance's /readyz answers 200 (Kafka Streams RUNNING). */
  public void awaitReady(Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("vitals run exited with " + process.exitValue() + "; see " + log);
      }
      return readyzStatus() == 200;
    });
  }

  /** SIGKILL: no shutdown hook, no commit, no close; whatever was in flight is lost as in a real crash. */
  public void kill() {
    if (process != null && process.isAlive()) {
      try {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The instance's /metrics scrape (Prometheus text). */
  public String metrics() {
    try {
      return get("/metrics", Duration.ofSeconds(10), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status /readyz answers now (200: Kafka Streams RUNNING), or -1 when nothing answers. */
  public int readyzStatus() {
    try {
      return get("/readyz", Duration.ofSeconds(1), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  private <T> HttpResponse<T> get(String path, Duration timeout, HttpResponse.BodyHandler<T> body)
      throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .timeout(timeout).GET().build();
    try {
      return HTTP.send(request, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
