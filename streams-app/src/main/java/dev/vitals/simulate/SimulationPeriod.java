package dev.vitals.simulate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The simulated stretch of time: whole UTC days from {@code start} (a midnight). Behaviour that
 * depends on "the last 30 days" counts back from {@link #end()}.
 */
record SimulationPeriod(Instant start, int days) {

  SimulationPeriod {
    if (!start.equals(start.truncatedTo(ChronoUnit.DAYS))) {
      throw new IllegalArgumentException("a simulation period starts at midnight UTC, got " + start);
    }
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1, got " + days);
    }
  }

  Instant end() {
    return dayStart(days);
  }

  Instant dayStart(int day) {
    return start.plus(day, ChronoUnit.DAYS);
  }

  LocalDate date(int day) {
    return LocalDate.ofInstant(dayStart(day), ZoneOffset.UTC);
  }

  LocalDate startDate() {
    return date(0);
  }

  LocalDate endDate() {
    return date(days);
  }

  /** The day index of a date, which may lie outside the period. */
  int dayOf(LocalDate date) {
    return (int) ChronoUnit.DAYS.between(startDate(), date);
  }

  boolean isWeekend(int day) {
    DayOfWeek weekday = date(day).getDayOfWeek();
    return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
  }

  /** Share of the period elapsed at the start of {@code day}, 0 to 1. */
  double progress(int day) {
    return (double) day / days;
  }
}
