package dev.vitals.cli;

import dev.vitals.scoring.ScoringConfig;
import java.nio.file.Path;

/** The scoring model a command runs with: the bundled one, or a file the user names. */
final class ScoringConfigs {
  private ScoringConfigs() {}

  static ScoringConfig load(Path file) {
    try {
      return file == null ? ScoringConfig.defaults() : ScoringConfig.load(file);
    } catch (RuntimeException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }
}
