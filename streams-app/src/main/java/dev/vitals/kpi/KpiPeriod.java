package dev.vitals.kpi;

import java.time.Duration;
import java.util.List;

/**
 * The trailing period a portfolio report covers (SPEC §3: logo churn, renewals, movements and the like "in P"):
 * a month, a quarter or a year, in days, as CS teams report them. Other lengths are refused so that every report,
 * replayed or live, and every board speaks of the same periods.
 */
public record KpiPeriod(int days) {
  public static final List<Integer> ALLOWED_DAYS = List.of(30, 90, 365);
  public static final KpiPeriod MONTH = new KpiPeriod(30);
  /** CLV's expected lifetime comes from the monthly logo churn over this trailing window (SPEC §3). */
  public static final KpiPeriod CLV_CHURN_WINDOW = new KpiPeriod(90);

  public KpiPeriod {
    if (!ALLOWED_DAYS.contains(days)) {
      throw new IllegalArgumentException(mustBe(String.valueOf(days)));
    }
  }

  /** Parses "30", "90" or "365" (a trailing "d" is allowed); the message of the exception says what is allowed. */
  public static KpiPeriod parse(String text) {
    String digits = text == null ? "" : text.strip();
    if (digits.endsWith("d")) {
      digits = digits.substring(0, digits.length() - 1);
    }
    try {
      int days = Integer.parseInt(digits);
      if (ALLOWED_DAYS.contains(days)) {
        return new KpiPeriod(days);
      }
    } catch (NumberFormatException e) {
      // reported below, with what is allowed
    }
    throw new IllegalArgumentException(mustBe(text));
  }

  public Duration duration() {
    return Duration.ofDays(days);
  }

  /** The value given is shown cut short: it comes from an HTTP client and may be huge. */
  private static String mustBe(String given) {
    String shown = given != null && given.length() > 40 ? given.substring(0, 40) + "..." : given;
    return "period must be one of " + ALLOWED_DAYS + " (days), not '" + shown + "'";
  }
}
