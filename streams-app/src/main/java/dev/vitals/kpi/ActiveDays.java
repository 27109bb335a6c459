package dev.vitals.kpi;

/**
 * The UTC days on which a user was active (or a feature was used), as a 64-bit mask relative to the latest such
 * day: bit {@code i} set means active on {@code latestDay - i}. 64 days covers every usage window, the 7-day score
 * history and the grace period, and keeps a seat-heavy account's state small enough to rewrite on every event.
 */
public final class ActiveDays {
  static final int TRACKED_DAYS = 64;

  public long latestDay;
  public long mask;

  public ActiveDays() {}

  static ActiveDays startingOn(long day) {
    ActiveDays days = new ActiveDays();
    days.latestDay = day;
    days.mask = 1L;
    return days;
  }

  void mark(long day) {
    if (day > latestDay) {
      long shift = day - latestDay;
      mask = shift >= TRACKED_DAYS ? 0L : mask << shift;
      latestDay = day;
      mask |= 1L;
    } else if (latestDay - day < TRACKED_DAYS) {
      mask |= 1L << (latestDay - day);
    }
  }

  /** Number of marked days within {@code [fromDay, toDay]}. */
  int countBetween(long fromDay, long toDay) {
    long newest = latestDay - Math.min(toDay, latestDay);
    long oldest = latestDay - Math.max(fromDay, latestDay - TRACKED_DAYS + 1);
    if (oldest < newest) {
      return 0;
    }
    // Bits newest..oldest (offsets back from latestDay) are the days of the range.
    long width = oldest - newest + 1;
    long range = (width >= Long.SIZE ? -1L : (1L << width) - 1) << newest;
    return Long.bitCount(mask & range);
  }

  boolean anyBetween(long fromDay, long toDay) {
    return countBetween(fromDay, toDay) > 0;
  }

  /** True when nothing at or after {@code day} is remembered, so the entry can be forgotten. */
  boolean endsBefore(long day) {
    return latestDay < day;
  }
}
