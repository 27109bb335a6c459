package dev.vitals.kpi;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * When one account's latest event of each source happened (event time, not arrival): four instants kept in the
 * account's summary, so the cost of keeping them does not grow with the account's history. A late event leaves
 * them as they are; an account that never sent a source has no instant for it.
 */
public final class SourceFreshness {
  private final Map<DataSource, Instant> latest = new EnumMap<>(DataSource.class);

  /** Takes an applied event's time into account; a profile (no source) changes nothing. */
  public void record(Object event, Instant occurredAt) {
    DataSource source = DataSource.of(event);
    if (source != null) {
      latest.merge(source, occurredAt, (kept, now) -> now.isAfter(kept) ? now : kept);
    }
  }

  /** The latest event time of {@code source}, or null when the account never sent one. */
  public Instant latest(DataSource source) {
    return latest.get(source);
  }

  /** Sets a source's latest event time as stored (null: none). */
  public void restore(DataSource source, Instant at) {
    if (at == null) {
      latest.remove(source);
    } else {
      latest.put(source, at);
    }
  }
}
