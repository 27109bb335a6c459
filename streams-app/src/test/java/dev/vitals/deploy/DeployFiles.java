package dev.vitals.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vitals.testing.RepositoryRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The repository's deploy files and the command-line tools that check them (promtool, amtool, docker-compose,
 * Alertmanager), for the tests of {@code dev.vitals.deploy}.
 */
final class DeployFiles {
  /** What .ci/run installs when missing; a missing tool fails the test instead of skipping it. */
  private static final String INSTALL_HINT = ".ci/run installs it (Debian packages prometheus,"
      + " prometheus-alertmanager, docker-compose)";

  private static final YAMLMapper YAML = new YAMLMapper();

  private DeployFiles() {}

  static Path root() {
    return RepositoryRoot.path();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  /** Every document of a multi-document YAML file, empty documents left out. */
  static List<JsonNode> yamlDocuments(Path file) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode document = it.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
    return documents;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files of a folder whose names end with one of the suffixes, sorted. */
  static List<Path> files(Path folder, String... suffixes) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> Stream.of(suffixes).anyMatch(file.getFileName().toString()::endsWith))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The executable of the first name found on PATH; fails, naming .ci/run, when none is. */
  static String tool(String... names) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return fail("%s not found on PATH: %s", String.join(" or ", names), INSTALL_HINT);
  }

  /** Exit status and combined stdout and stderr of a finished command. */
  record Result(List<String> command, int exitCode, String output) {
    /** Asserts exit status 0, showing the command and everything the tool printed otherwise. */
    Result assertSucceeded() {
      assertThat(exitCode)
          .as("%s exited with %d:%n%s", String.join(" ", command), exitCode, output)
          .isZero();
      return this;
    }
  }

  /**
   * Runs a command in the repository root with a bounded wait. Output is read while the command runs, so a chatty
   * tool cannot block on a full pipe; a command still running at the deadline is killed and fails the test.
   */
  static Result run(Duration timeout, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return fail("cannot start %s: %s; %s", command.get(0), e.getMessage(), INSTALL_HINT);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), output), "deploy-tool-output");
    reader.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return fail("%s did not finish within %s; output so far:%n%s", String.join(" ", command), timeout,
            output.toString(StandardCharsets.UTF_8));
      }
      reader.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return fail("interrupted while waiting for %s", command.get(0));
    }
    return new Result(List.copyOf(command), process.exitValue(), output.toString(StandardCharsets.UTF_8));
  }

  static Result run(Duration timeout, String... command) {
    return run(timeout, List.of(command));
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      // The process was killed; what was read so far is still shown.
    }
  }
}
