package dev.vitals.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The range of a {@code GET /agents} query: {@code hours} whole hours (default 24, at most the windows' retention)
 * ending at {@code until} (an ISO-8601 instant; default the stream time of the agent windows, see AgentBoard). An
 * {@code until} inside an hour is taken up to the end of that hour, so a range is always whole windows.
 *
 * @param span the range's length
 * @param until its end (exclusive), on an hour boundary; null for the default
 */
record AgentRange(Duration span, Instant until) {
  static final long DEFAULT_HOURS = 24;

  /** The range asked for, or an {@link IllegalArgumentException} whose message says what is wrong. */
  static AgentRange parse(String hours, String until, long maxHours) {
    long count = DEFAULT_HOURS;
    if (hours != null) {
      try {
        count = Long.parseLong(hours);
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 1 || count > maxHours) {
        throw new IllegalArgumentException("hours must be a whole number from 1 to " + maxHours + " (the agent"
            + " windows' retention), was " + Exchanges.quoted(hours));
      }
    }
    Instant end = null;
    if (until != null) {
      try {
        end = ceilHour(Instant.parse(until));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("until must be an ISO-8601 instant such as 2026-03-01T10:00:00Z, was "
            + Exchanges.quoted(until));
      }
    }
    return new AgentRange(Duration.ofHours(Math.min(count, maxHours)), end);
  }

  /** This range with its default end resolved to {@code streamTime}. */
  AgentRange endingAt(Instant streamTime) {
    return until != null ? this : new AgentRange(span, ceilHour(streamTime));
  }

  /** The query string that asks another instance for exactly this range. */
  String query() {
    return "hours=" + span.toHours() + (until == null ? "" : "&until=" + until);
  }

  private static Instant ceilHour(Instant at) {
    long hour = Duration.ofHours(1).toMillis();
    long millis = at.toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(millis + hour - 1, hour) * hour);
  }
}
