package dev.vitals.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * What {@link ChaosIT} does to the pipeline and when: the run's size from system properties (the defaults are the
 * suite's smoke mode) and its faults at seeded random chunks of the input.
 */
final class ChaosPlan {
  /** The input is published in chunks this far apart. */
  static final Duration CHUNK_EVERY = Duration.ofMillis(500);
  /** How many chunks the feed may run ahead of the next fault's chunk (3 s of input). */
  static final int GATE_SLACK = 6;

  private ChaosPlan() {}

  /** The run's size and faults. */
  record Chaos(long seed, int kills, int brokerRestarts, int feedSeconds, int accounts) {
    static Chaos fromSystemProperties() {
      return new Chaos(Long.getLong("vitals.chaos.seed", System.currentTimeMillis()),
          Integer.getInteger("vitals.chaos.kills", 2), Integer.getInteger("vitals.chaos.broker.restarts", 1),
          Integer.getInteger("vitals.chaos.seconds", 30), Integer.getInteger("vitals.chaos.accounts", 24));
    }

    int chunks() {
      return (int) (feedSeconds * 1000L / CHUNK_EVERY.toMillis());
    }
  }

  enum FaultKind { KILL, KILL_AGAIN_ONCE_RESTORED, BROKER_CRASH }

  record Fault(int afterChunk, FaultKind kind) {}

  /**
   * {@code brokerRestarts} broker crashes and {@code kills} kills, one pair in five (at least one) a kill followed by
   * another as soon as the instance is RUNNING again, at random chunks, in chunk order.
   */
  static List<Fault> of(Chaos chaos, Random random, int chunks) {
    List<FaultKind> kinds = new ArrayList<>();
    int kills = chaos.kills();
    int pairs = kills >= 2 ? Math.max(1, kills / 5) : 0;
    for (int p = 0; p < pairs; p++) {
      kinds.add(FaultKind.KILL_AGAIN_ONCE_RESTORED);
    }
    for (int k = 0; k < kills - 2 * pairs; k++) {
      kinds.add(FaultKind.KILL);
    }
    for (int b = 0; b < chaos.brokerRestarts(); b++) {
      kinds.add(FaultKind.BROKER_CRASH);
    }
    return kinds.stream()
        .map(kind -> new Fault(2 + random.nextInt(Math.max(1, chunks - 4 - GATE_SLACK)), kind))
        .sorted(Comparator.comparingInt(Fault::afterChunk))
        .toList();
  }
}
