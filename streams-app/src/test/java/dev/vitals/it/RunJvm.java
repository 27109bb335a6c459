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
import java.util.List;
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
  private Process process;

  public RunJvm(Path config, Path log, int httpPort) {
    this.config = config;
    this.log = log;
    this.httpPort = httpPort;
  }

  public RunJvm start() {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-cp", System.getProperty("java.class.path"),
        "dev.vitals.cli.VitalsCli", "run", "--config", config.toString());
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start vitals run", e);
    }
  }

  /** Whether the JVM is still running (it exits on its own only on a fatal error). */
  public boolean alive() {
    return process != null && process.isAlive();
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

  private int readyzStatus() {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/readyz"))
          .timeout(Duration.ofSeconds(1)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
