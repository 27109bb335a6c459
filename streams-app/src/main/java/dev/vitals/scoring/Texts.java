package dev.vitals.scoring;

import java.time.Duration;
import java.util.Locale;

/** Number formatting for factor details: fixed locale so the explanation does not depend on the host. */
final class Texts {
  private Texts() {}

  /** A ratio as a whole percentage: 0.1818 → "18%". */
  static String percent(double ratio) {
    return Math.round(ratio * 100) + "%";
  }

  /** A ratio as a percentage with one decimal: 0.032 → "3.2%". */
  static String percent1(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  static String decimal1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
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
    if (cents % 100 == 0) {
      return String.format(Locale.ROOT, "%,d", cents / 100);
    }
    return String.format(Locale.ROOT, "%,.2f", cents / 100.0);
  }
}
