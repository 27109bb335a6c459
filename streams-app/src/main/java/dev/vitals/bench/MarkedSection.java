package dev.vitals.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of a hand-kept Markdown file: the tool owns only the text between its two markers (markers
 * included), so the record of changes people write around it survives every run.
 */
final class MarkedSection {
  private MarkedSection() {}

  /**
   * Replaces the marked part of {@code file} with {@code section} (which carries the markers); appends it when the
   * file has no markers; writes {@code newFile} when there is no file yet.
   */
  static void write(Path file, String start, String end, String section, String newFile) throws IOException {
    String updated;
    if (Files.exists(file)) {
      String current = Files.readString(file, StandardCharsets.UTF_8);
      int from = current.indexOf(start);
      int to = current.indexOf(end);
      if (from >= 0 && to > from) {
        int afterEnd = to + end.length();
        if (afterEnd < current.length() && current.charAt(afterEnd) == '\n') {
          afterEnd++;
        }
        updated = current.substring(0, from) + section + current.substring(afterEnd);
      } else {
        updated = current + (current.endsWith("\n") ? "\n" : "\n\n") + section;
      }
    } else {
      updated = newFile;
    }
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
