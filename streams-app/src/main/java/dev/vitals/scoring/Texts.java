package dev.vitals.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Number formatting for factor details, independent of the host's locale. Written out by hand rather than with
 * {@code String.format}, which parses its pattern on every call and was a visible share of an evaluation's cost.
 */
final class Texts {
  private Texts() {}

  /** A ratio as a whole percentage: 0.1818 → "18%". */
  static String percent(double ratio) {
    return Math.round(ratio * 100) + "%";
  }

  /** A ratio as a percentage with one decimal: 0.032 → "3.2%". */
  static String percent1(double ratio) {
    return decimal1(ratio * 100) + "%";
  }

  /** One decimal, rounded half up as {@code %.1f} does: 2.25 → "2.3". */
  static String decimal1(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  /** At most two decimals, without trailing zeros: 0.7468 → "0.75", 20.0 → "20", −7.6 → "-7.6". */
  static String decimal2(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** "1 ticket", "3 tickets". */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** A median duration: minutes below an hour, otherwise hours with one decimal. */
  static String duration(Duration d) {
    if (d.compareTo(Duration.ofHours(1)) < 0) {
      return d.toMinutes() + " min";
    }
    return decimal1(hours(d)) + " h";
  }

  static double hours(Duration d) {
    return d.toMillis() / 3_600_000.0;
  }

  /** Cents in whole currency units with thousands separators; the currency is not part of the KPIs. */
  static String money(long cents) {
    String sign = cents < 0 ? "-" : "";
    long units = Math.abs(cents / 100);
    long hundredths = Math.abs(cents % 100);
    String whole = sign + grouped(units);
    return hundredths == 0 ? whole : whole + (hundredths < 10 ? ".0" : ".") + hundredths;
  }

  /** 1234567 → "1,234,567". */
  private static String grouped(long n) {
    String digits = Long.toString(n);
    StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3);
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        text.append(',');
      }
      text.append(digits.charAt(i));
    }
    return text.toString();
  }
}
