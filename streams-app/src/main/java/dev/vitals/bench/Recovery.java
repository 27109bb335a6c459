package dev.vitals.bench;

import dev.vitals.runtime.Directories;
import dev.vitals.runtime.VitalsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;

/**
 * How long an instance takes from start to RUNNING: with its state on local disk (a restart), and with that state
 * wiped so that every store is restored from its changelog (a new machine, a lost disk).
 *
 * <p>Before each start, whatever is left of the stopped instance in its consumer group is removed. A Streams client
 * closed without leaving its group would otherwise make its successor wait for the session timeout (45 s by default)
 * before the group rebalances; that wait is a setting, not the cost of recovering, and would hide it.
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
    return start(applicationId);
  }

  /** Deletes the local state of {@code applicationId}, then starts it: every store is restored from its changelog. */
  Started restartFromChangelogs(String applicationId) {
    Path stateDir = cluster.stateDir(applicationId);
    Directories.deleteRecursively(stateDir);
    if (Files.exists(stateDir)) {
      throw new IllegalStateException("could not wipe the local state in " + stateDir);
    }
    return start(applicationId);
  }

  private Started start(String applicationId) {
    leaveGroup(applicationId);
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

  private void leaveGroup(String applicationId) {
    try (Admin admin = cluster.admin()) {
      boolean hasMembers = !GroupProgress.get(admin.describeConsumerGroups(List.of(applicationId)).all())
          .get(applicationId).members().isEmpty();
      if (hasMembers) {
        GroupProgress.get(admin.removeMembersFromConsumerGroup(applicationId,
            new RemoveMembersFromConsumerGroupOptions()).all());
      }
    }
  }
}
