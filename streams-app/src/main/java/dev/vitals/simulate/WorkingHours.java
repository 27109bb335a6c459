package dev.vitals.simulate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When in a UTC day people use the product and open tickets: mostly office hours, a little in the
 * evening and at night, and on which weekdays tickets come (Monday busiest, the weekend quiet), so that
 * "ticket volume by weekday and hour" looks like a real support queue's.
 */
final class WorkingHours {
  private static final double[] HOUR_WEIGHTS = {
      0.15, 0.1, 0.1, 0.1, 0.15, 0.25, 0.4, 0.7, 1.0, 1.2, 1.25, 1.2,
      0.9, 1.1, 1.2, 1.15, 1.0, 0.8, 0.55, 0.4, 0.35, 0.3, 0.25, 0.2};
  private static final double[] CUMULATIVE = new double[24];
  /**
   * Tickets per weekday relative to an average working day, Monday to Sunday: Monday's backlog of the weekend, a
   * quieter Friday, a skeleton weekend (the weekdays average about 1, so an account's monthly volume stays put).
   */
  private static final double[] TICKET_VOLUME_BY_WEEKDAY = {1.3, 1.1, 1.0, 0.95, 0.7, 0.3, 0.25};
  private static final long HOUR_MILLIS = 3_600_000L;
  private static final long DAY_MILLIS = 24 * HOUR_MILLIS;

  static {
    double sum = 0;
    for (int hour = 0; hour < 24; hour++) {
      sum += HOUR_WEIGHTS[hour];
      CUMULATIVE[hour] = sum;
    }
  }

  private WorkingHours() {}

  /** How many tickets customers open on {@code weekday} against an average working day. */
  static double ticketVolume(DayOfWeek weekday) {
    return TICKET_VOLUME_BY_WEEKDAY[weekday.ordinal()];
  }

  /** A time on the day starting at {@code dayStart}, not before {@code notBefore} if that is later. */
  static Instant sample(RandomGenerator rng, Instant dayStart, Instant notBefore) {
    for (int attempt = 0; attempt < 20; attempt++) {
      double pick = rng.nextDouble() * CUMULATIVE[23];
      int hour = 0;
      while (CUMULATIVE[hour] < pick) {
        hour++;
      }
      Instant at = dayStart.plusMillis(hour * HOUR_MILLIS + rng.nextLong(HOUR_MILLIS));
      if (!at.isBefore(notBefore)) {
        return at;
      }
    }
    long left = dayStart.plusMillis(DAY_MILLIS).toEpochMilli() - notBefore.toEpochMilli();
    return notBefore.plusMillis(left <= 1 ? 0 : rng.nextLong(left));
  }

  /** {@code at} plus a delay, kept inside the same day so that the day's events stay together. */
  static Instant later(Instant at, long delayMillis, Instant dayStart) {
    Instant candidate = at.plusMillis(delayMillis);
    Instant lastMoment = dayStart.plusMillis(DAY_MILLIS - 1);
    return candidate.isAfter(lastMoment) ? lastMoment : candidate;
  }
}
