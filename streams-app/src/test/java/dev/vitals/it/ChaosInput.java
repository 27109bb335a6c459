package dev.vitals.it;

import dev.vitals.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * A history as an unreliable upstream delivers it: some events published twice (the copy a few records later, as a
 * producer's retry after a lost acknowledgement would) and some published late, after events that happened up to
 * {@link #MAX_DELAY} after them: well within the grace period, so none may be refused as too late. Built from a
 * seed, so a failing run can be repeated. {@link #deduplicated()} is what replay must be given: each event once, in
 * the order its first copy was published.
 */
public record ChaosInput(List<SpecificRecord> published, int duplicates, int reorders) {
  /** How much later than a delayed event the events it is published after may have happened. */
  static final Duration MAX_DELAY = Duration.ofHours(6);
  /** How many records later a copy or a delayed event goes at most. */
  private static final int MAX_SHIFT = 40;

  /** {@code history} with about {@code duplicateShare} of its events repeated and {@code reorderShare} delayed. */
  public static ChaosInput of(List<SpecificRecord> history, Random random, double duplicateShare,
      double reorderShare) {
    List<SpecificRecord> events = new ArrayList<>(history);
    int reorders = 0;
    int attempts = (int) Math.round(history.size() * reorderShare);
    for (int i = 0; i < attempts; i++) {
      int from = random.nextInt(events.size());
      int to = Math.min(events.size() - 1, from + 1 + random.nextInt(MAX_SHIFT));
      if (to > from && onlyLaterEventsBetween(events, from, to)) {
        events.add(to, events.remove(from));
        reorders++;
      }
    }
    int duplicates = (int) Math.round(history.size() * duplicateShare);
    for (int i = 0; i < duplicates; i++) {
      int original = random.nextInt(events.size());
      int copyAt = Math.min(events.size(), original + 1 + random.nextInt(MAX_SHIFT));
      events.add(copyAt, events.get(original));
    }
    return new ChaosInput(List.copyOf(events), duplicates, reorders);
  }

  /**
   * Whether every event from {@code from + 1} to {@code to} happened strictly after the one at {@code from}, and at
   * most {@link #MAX_DELAY} after it: events of one instant keep their order (it decides ties, such as which of two
   * billing events of one instant sets the MRR).
   */
  private static boolean onlyLaterEventsBetween(List<SpecificRecord> events, int from, int to) {
    Instant delayed = EventType.occurredAt(events.get(from));
    for (int i = from + 1; i <= to; i++) {
      Instant passed = EventType.occurredAt(events.get(i));
      if (!passed.isAfter(delayed) || Duration.between(delayed, passed).compareTo(MAX_DELAY) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Each event once, in the order of its first copy. */
  public List<SpecificRecord> deduplicated() {
    Set<String> seen = new HashSet<>();
    return published.stream().filter(event -> seen.add(EventType.eventId(event))).toList();
  }
}
