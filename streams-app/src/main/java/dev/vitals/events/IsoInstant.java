package dev.vitals.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Reads the instants of the JSON-lines format. The form every producer writes, {@code 2026-03-01T09:30:00Z} with
 * an optional fraction, is read directly (a third of {@code replay}'s parsing went to {@code Instant.parse}); any
 * other form goes to {@link Instant#parse}, which accepts or refuses it exactly as before. Finer than milliseconds
 * is truncated, as Avro's timestamp-millis would.
 */
final class IsoInstant {
  private static final int SECONDS_END = "2026-03-01T09:30:00".length();

  private IsoInstant() {}

  /** @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 instant */
  static Instant parse(String text) {
    Instant quick = quickParse(text);
    return quick != null ? quick : Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
  }

  /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}; null for any other text, or an impossible date or time. */
  private static Instant quickParse(String text) {
    int length = text.length();
    if (length < SECONDS_END + 1 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
        || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int millis = fractionMillis(text, SECONDS_END, length - 1);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59 || millis < 0) {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
      return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code text[from, to)}; -1 when any character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Milliseconds of an optional {@code .f…} (1 to 9 digits) in {@code text[from, to)}; -1 when malformed. */
  private static int fractionMillis(String text, int from, int to) {
    if (from == to) {
      return 0;
    }
    int digitsCount = to - from - 1;
    if (text.charAt(from) != '.' || digitsCount < 1 || digitsCount > 9) {
      return -1;
    }
    int millis = 0;
    for (int i = 0; i < 3; i++) {
      int digit = i < digitsCount ? digits(text, from + 1 + i, from + 2 + i) : 0;
      if (digit < 0) {
        return -1;
      }
      millis = millis * 10 + digit;
    }
    return digits(text, from + 1, to) < 0 ? -1 : millis;
  }
}
