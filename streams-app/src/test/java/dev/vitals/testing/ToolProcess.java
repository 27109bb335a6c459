package dev.vitals.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An external program the end-to-end tests start on loopback (Prometheus, Alertmanager), with its output in a log
 * file, ready once an HTTP path answers 200, stopped by its PID (SIGTERM, then SIGKILL). A missing program fails
 * the test with the package that provides it: {@code .ci/run} installs them.
 */
public final class ToolProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final Process process;
  private final Path log;

  private ToolProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command}; {@code debianPackage} names what provides it, for the error when it is missing. */
  public static ToolProcess start(List<String> command, String debianPackage, Path log) {
    String program = command.get(0);
    if (!Files.isExecutable(Path.of(program))) {
      throw new IllegalStateException(program + " not found: install Debian's " + debianPackage
          + " (.ci/run does: apt-get install -y " + debianPackage + ")");
    }
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new ToolProcess(Path.of(program).getFileName().toString(), process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + program, e);
    }
  }

  /** Waits until {@code url} answers 200, or fails with the tail of the program's log. */
  public ToolProcess awaitReady(String url, Duration atMost) {
    try {
      await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
        }
        return answers200(url);
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new IllegalStateException(name + " not ready at " + url + " within " + atMost + ":\n" + logTail(), e);
    }
    return this;
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static boolean answers200(String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
