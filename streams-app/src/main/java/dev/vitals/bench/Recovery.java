package dev.vitals.bench;

import dev.vitals.runtime.Directories;
import dev.vitals.runtime.VitalsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How long an instance takes from start to RUNNING: with its state on local disk (a restart), and with that state
 * wiped so that every store is restored from its changelog (a new machine, a lost disk).
 * The stopped instance left its group on close ({@code VitalsService.close}), so its successor does not wait for
 * the session timeout, which is a setting, not the cost of recovering.
 */
final class Recovery {
  private final BenchCluster cluster;
  private final Duration timeout;

  Recovery(BenchCluster cluster, Duration timeout) {
    this.cluster = cluster;
    this.timeout = timeout;
  }

  /** A started instance and how long it took to reach RUNNING; the caller closes it. */
  record Started(VitalsService service, Duration toRunning) {}

  /** Starts {@code applicationId} again on the state it left on disk. */
  Started restart(String applicationId) {
    VitalsService service = cluster.service(applicationId, Map.of());
    try {
      long started = System.nanoTime();
      service.start();
      GroupProgress.awaitRunning(service.streams(), Instant.now().plus(timeout), applicationId + " restart");
      return new Started(service, Duration.ofNanos(System.nanoTime() - started));
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  /** Deletes the local state of {@code applicationId}, then starts it: every store is restored from its changelog. */
  Started restartFromChangelogs(String applicationId) {
    Path stateDir = cluster.stateDir(applicationId);
    Directories.deleteRecursively(stateDir);
    if (Files.exists(stateDir)) {
      throw new IllegalStateException("could not wipe the local state in " + stateDir);
    }
    return restart(applicationId);
  }
}
