package dev.vitals.registry;

import dev.vitals.runtime.ChildProcesses;
import dev.vitals.runtime.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Confluent-compatible schema registry on 127.0.0.1: Apicurio Registry (in-memory storage) with its
 * Confluent API under {@code /apis/ccompat/v7}, on a Java 21+ runtime. Its default compatibility is NONE;
 * it is set to BACKWARD at start, as Confluent's default is. A small shell watchdog ties it to this JVM: if this
 * JVM dies, even by {@code kill -9}, the pipe to the watchdog closes and the registry is stopped.
 */
public final class EmbeddedRegistry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedRegistry.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final String CCOMPAT = "/apis/ccompat/v7";

  private final Path logFile;
  private final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private EmbeddedRegistry(Path logFile, int port, Process process) {
    this.logFile = logFile;
    this.port = port;
    this.process = process;
  }

  /** Starts the registry, waits until it answers, and sets BACKWARD compatibility. */
  public static EmbeddedRegistry start(Path workDir, Map<String, String> environment) {
    Path java = RegistryRuntime.java(environment);
    Path apicurio = RegistryRuntime.apicurioHome(environment);
    int port = LoopbackPorts.free();
    int managementPort = LoopbackPorts.free();
    try {
      Files.createDirectories(workDir);
      Path logFile = workDir.resolve("registry.log");
      String command = String.join(" ", List.of(
          quote(java.toString()), "-Xmx512m",
          "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
          "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
          "-jar", quote(apicurio.resolve("quarkus-run.jar").toString())));
      // The watchdog: start the registry, then wait for our end of the pipe to close, then stop it.
      String watchdog = command + " & child=$!; trap 'kill $child 2>/dev/null' EXIT; "
          + "while read -r _; do :; done; kill $child; wait $child";
      Process process = new ProcessBuilder("bash", "-c", watchdog)
          .directory(apicurio.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
      EmbeddedRegistry registry = new EmbeddedRegistry(logFile, port, process);
      registry.awaitReady();
      registry.setGlobalCompatibility("BACKWARD");
      log.info("schema registry ready at {} (Apicurio, log in {})", registry.url(), logFile);
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the schema registry", e);
    }
  }

  /** The Confluent-compatible base URL, for {@code schema.registry.url}. */
  public String url() {
    return "http://127.0.0.1:" + port + CCOMPAT;
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    CountDownLatch never = new CountDownLatch(1);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the schema registry exited; see " + logFile);
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/subjects"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the schema registry", e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the schema registry did not answer within " + START_TIMEOUT + "; see "
            + logFile);
      }
      try {
        never.await(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the schema registry", e);
      }
    }
  }

  private void setGlobalCompatibility(String level) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/config"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("setting " + level + " compatibility failed: HTTP " + response.statusCode()
            + " " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot configure the schema registry", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while configuring the schema registry", e);
    }
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, Duration.ofSeconds(30));
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

}
