package dev.vitals.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system chores of the commands that make working folders (demo, bench). */
public final class Directories {
  private Directories() {}

  /**
   * Deletes {@code dir} and everything under it, best effort: these are the commands' own temporary folders, and a
   * file that cannot be removed must not hide the outcome of the run that made it.
   */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort, as above.
    }
  }
}
