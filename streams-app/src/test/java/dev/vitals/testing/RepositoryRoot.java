package dev.vitals.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in, for tests that check the repository's own files (deploy/, grafana/, docs/). */
public final class RepositoryRoot {
  private RepositoryRoot() {}

  /**
   * Maven runs the tests in {@code streams-app/}, an IDE perhaps at the root: walks up from the working directory to
   * the first directory holding the parent pom, {@code deploy/} and {@code docs/metrics.md}.
   */
  public static Path path() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("deploy"))
          && Files.isRegularFile(candidate.resolve("docs/metrics.md"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no repository root (pom.xml, deploy/, docs/metrics.md) above " + dir);
  }

  public static Path resolve(String relative) {
    return path().resolve(relative);
  }
}
