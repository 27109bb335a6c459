package dev.vitals.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Usage is bucketed by UTC day; this is the one place that turns an instant into that day number. */
public final class EventDay {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private EventDay() {}

  public static long of(Instant instant) {
    return Math.floorDiv(instant.toEpochMilli(), MILLIS_PER_DAY);
  }

  /** The first millisecond of {@code day}. */
  public static Instant startOf(long day) {
    return Instant.ofEpochMilli(day * MILLIS_PER_DAY);
  }

  /** The last millisecond of {@code day}: where a day's closing score is taken. */
  public static Instant lastInstantOf(long day) {
    return Instant.ofEpochMilli((day + 1) * MILLIS_PER_DAY - 1);
  }

  public static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
