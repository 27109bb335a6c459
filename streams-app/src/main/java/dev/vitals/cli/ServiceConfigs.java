package dev.vitals.cli;

import dev.vitals.runtime.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Kafka and registry settings a command runs with: {@code --config} plus {@code VITALS_*} variables. */
final class ServiceConfigs {
  private ServiceConfigs() {}

  static ServiceConfig load(Path file) {
    if (file != null && !Files.isReadable(file)) {
      throw new UserError("cannot read configuration file " + file, 2);
    }
    try {
      return ServiceConfig.load(file, System.getenv());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }
}
