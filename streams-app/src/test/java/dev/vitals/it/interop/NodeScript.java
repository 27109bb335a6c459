package dev.vitals.it.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the Node.js scripts in {@code interop/} (Confluent's JavaScript serde and kafkajs, installed by the
 * build's {@code npm ci}) as a child process with a bounded wait: its stdout is the result, its stderr goes to a
 * file that a failure quotes. A script that overruns its time is killed, with its children.
 */
public final class NodeScript {
  private final Path interopDir;
  private final Path logDir;

  public NodeScript(Path interopDir, Path logDir) {
    this.interopDir = interopDir;
    this.logDir = logDir;
  }

  /** The interop directory the build handed to the test ({@code vitals.interop.dir}), checked to be installed. */
  public static Path interopDir() {
    String configured = System.getProperty("vitals.interop.dir");
    Path dir = Path.of(configured != null ? configured : "../interop").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir.resolve("node_modules/@confluentinc/schemaregistry"))) {
      throw new IllegalStateException(dir + " has no node_modules/@confluentinc/schemaregistry: run 'npm ci' there"
          + " (the build does it in pre-integration-test)");
    }
    return dir;
  }

  /**
   * Runs {@code node SCRIPT ARGS...} in the interop directory.
   *
   * @return the lines the script printed on stdout
   * @throws AssertionError when it exits non-zero or does not finish within {@code timeout}
   */
  public List<String> run(Duration timeout, String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    String name = script.replace(".js", "") + "-" + System.nanoTime();
    Path stdout = logDir.resolve(name + ".out");
    Path stderr = logDir.resolve(name + ".err");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(interopDir.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    builder.environment().put("KAFKAJS_NO_PARTITIONER_WARNING", "1");
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("node " + script + " did not finish within " + timeout + "; stderr:\n"
            + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      if (process.exitValue() != 0) {
        throw new AssertionError("node " + script + " exited with " + process.exitValue() + "; stderr:\n"
            + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      return Files.readAllLines(stdout, StandardCharsets.UTF_8);
    } finally {
      stop(process);
    }
  }

  private static void stop(Process process) throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
