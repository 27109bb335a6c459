package dev.vitals.calibrate;

import dev.vitals.schema.HealthBand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's band as a step function of event time, built from its health records: the band of the record with
 * the latest {@code asOf} at or before an instant is the account's band at that instant; before its first record the
 * account is not observed (no band). Only the changes of band are kept, so the memory it takes grows with the
 * account's band changes, not with its records.
 *
 * <p>A health record reflects the account's latest event time, which never goes back, so records come in
 * non-decreasing {@code asOf} order. A record at the same instant as the previous change replaces it (the later
 * evaluation saw more of that instant's events); one that would go back in time is taken at the previous change's
 * instant for the same reason.
 */
public final class BandTimeline {
  private final List<Instant> starts = new ArrayList<>();
  private final List<HealthBand> bands = new ArrayList<>();

  /** Takes a health record's band and the event time it reflects. */
  public BandTimeline record(Instant asOf, HealthBand band) {
    Instant at = asOf;
    int last = starts.size() - 1;
    if (last >= 0 && !asOf.isAfter(starts.get(last))) {
      at = starts.get(last);
      starts.remove(last);
      bands.remove(last);
    }
    if (bands.isEmpty() || bands.get(bands.size() - 1) != band) {
      starts.add(at);
      bands.add(band);
    }
    return this;
  }

  /** The first record's event time, or null when there is none. */
  public Instant observedFrom() {
    return starts.isEmpty() ? null : starts.get(0);
  }

  /** The band at {@code instant}: that of the latest change at or before it; null before the first record. */
  public HealthBand bandAt(Instant instant) {
    int low = 0;
    int high = starts.size() - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (starts.get(middle).isAfter(instant)) {
        high = middle - 1;
      } else {
        found = middle;
        low = middle + 1;
      }
    }
    return found < 0 ? null : bands.get(found);
  }

  /** The spans spent in {@code band}, oldest first; the last one may still be open (no end). */
  public List<Episode> episodes(HealthBand band) {
    List<Episode> episodes = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      if (bands.get(i) == band) {
        episodes.add(new Episode(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : null));
      }
    }
    return episodes;
  }

  /** How long the account was in {@code band} between {@code from} and {@code until}. */
  public Duration timeIn(HealthBand band, Instant from, Instant until) {
    Duration total = Duration.ZERO;
    for (Episode episode : episodes(band)) {
      Instant start = episode.from().isAfter(from) ? episode.from() : from;
      Instant end = episode.until() == null || episode.until().isAfter(until) ? until : episode.until();
      if (end.isAfter(start)) {
        total = total.plus(Duration.between(start, end));
      }
    }
    return total;
  }

  /** How many times the band changed, the first record included. */
  public int changes() {
    return starts.size();
  }

  /**
   * A span in one band: from the record that entered it to the record that left it ({@code until}, exclusive), or
   * still open at the end of the history ({@code until} null).
   */
  public record Episode(Instant from, Instant until) {

    /** Whether the account was in this span just before {@code instant}: it began before and had not ended. */
    public boolean openJustBefore(Instant instant) {
      return from.isBefore(instant) && (until == null || !until.isBefore(instant));
    }
  }
}
