package dev.vitals.simulate;

import dev.vitals.events.EventType;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Events scheduled but not yet emitted, in event-time order. A ticket's whole lifecycle is decided
 * when it opens, but its replies and resolution happen hours or days later; they wait here until
 * the simulated day they belong to, so that memory holds one day plus the tickets in flight, not
 * the whole history. Ties keep the order in which events were scheduled (a profile before the
 * subscription that follows it at the same millisecond).
 */
final class EventTimeline {
  private record Pending(Instant at, long sequence, SpecificRecord event) {}

  private final PriorityQueue<Pending> pending = new PriorityQueue<>(
      Comparator.comparing(Pending::at).thenComparingLong(Pending::sequence));
  private long sequence;

  void schedule(SpecificRecord event) {
    pending.add(new Pending(EventType.occurredAt(event), sequence++, event));
  }

  /** Hands over, in order, every event that occurs before {@code until}. */
  void releaseBefore(Instant until, Consumer<SpecificRecord> out) {
    while (!pending.isEmpty() && pending.peek().at().isBefore(until)) {
      out.accept(pending.poll().event());
    }
  }

  int size() {
    return pending.size();
  }
}
