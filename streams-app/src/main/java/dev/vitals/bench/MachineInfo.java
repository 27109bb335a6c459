package dev.vitals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The machine a run was measured on, as a reader of the figures needs it: cores, memory, CPU model, Java and Kafka
 * versions. Read from {@code /proc} on Linux; elsewhere those lines say "unknown".
 */
record MachineInfo(int cores, String memory, String cpu, String java, String kafka, String os) {

  static MachineInfo describe() {
    Runtime runtime = Runtime.getRuntime();
    return new MachineInfo(
        runtime.availableProcessors(),
        memoryTotal().orElse("unknown"),
        procField(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
            + System.getProperty("java.vendor") + "), max heap " + runtime.maxMemory() / 1_048_576 + " MiB",
        AppInfoParser.getVersion() + " (clients, Streams and broker; broker co-located in a child JVM)",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  /** The lines of the report's machine section. */
  List<String> lines() {
    return List.of(
        "cores (nproc): " + cores,
        "memory: " + memory,
        "CPU: " + cpu,
        "Java: " + java,
        "Kafka: " + kafka,
        "OS: " + os);
  }

  private static Optional<String> memoryTotal() {
    // MemTotal is in KiB.
    return procField(Path.of("/proc/meminfo"), "MemTotal")
        .map(value -> value.replace("kB", "").trim())
        .map(kib -> String.format("%.1f GiB", Long.parseLong(kib) / 1_048_576.0));
  }

  /** The value of the first {@code name: value} line of a /proc file. */
  private static Optional<String> procField(Path file, String name) {
    if (!Files.isReadable(file)) {
      return Optional.empty();
    }
    try (var lines = Files.lines(file)) {
      return lines.filter(line -> line.startsWith(name))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
