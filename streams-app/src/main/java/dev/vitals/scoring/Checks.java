package dev.vitals.scoring;

import java.math.BigDecimal;
import java.time.Duration;

/** Field checks shared by the configuration records; each failure names the field and the offending value. */
final class Checks {
  private Checks() {}

  static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidScoringConfigException(field, "must be a finite number, was " + value);
    }
    return value;
  }

  static double atLeast(String field, double value, double min) {
    finite(field, value);
    if (value < min) {
      throw new InvalidScoringConfigException(field, "must be >= " + number(min) + ", was " + number(value));
    }
    return value;
  }

  static double between(String field, double value, double min, double max) {
    atLeast(field, value, min);
    if (value > max) {
      throw new InvalidScoringConfigException(field, "must be <= " + number(max) + ", was " + number(value));
    }
    return value;
  }

  static double positive(String field, double value) {
    finite(field, value);
    if (value <= 0) {
      throw new InvalidScoringConfigException(field, "must be > 0, was " + number(value));
    }
    return value;
  }

  static Duration positive(String field, Duration value) {
    present(field, value);
    if (value.isNegative() || value.isZero()) {
      throw new InvalidScoringConfigException(field, "must be a positive duration, was " + value);
    }
    return value;
  }

  static Duration notNegative(String field, Duration value) {
    present(field, value);
    if (value.isNegative()) {
      throw new InvalidScoringConfigException(field, "must not be negative, was " + value);
    }
    return value;
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new InvalidScoringConfigException(field, "is required");
    }
    return value;
  }

  /** Numbers in messages as a person wrote them: {@code -1}, not {@code -1.0}. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
