package dev.vitals.scoring;

import java.util.function.Supplier;

/**
 * A factor's raw input read from the KPIs, before any curve or weight is applied.
 *
 * @param id which factor
 * @param value the KPI value on the factor's x axis; null when the KPI is unknown, so the factor is left out
 * @param sampleSize how many observations the value rests on (respondents, answers, tickets, events a week), for
 *     factors whose spec weighs small samples towards a norm; null when the value is not a sample
 * @param detail the human-readable description that ends up in the explanation, made only when it is read:
 *     most factors of most evaluations are never shown, and formatting them was a tenth of an evaluation's cost
 */
record Observation(FactorId id, Double value, Double sampleSize, Supplier<String> detail) {

  Observation(FactorId id, Double value, Supplier<String> detail) {
    this(id, value, null, detail);
  }

  static Observation absent(FactorId id) {
    return new Observation(id, null, () -> "");
  }

  boolean available() {
    return value != null;
  }
}
