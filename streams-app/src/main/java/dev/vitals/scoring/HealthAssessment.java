package dev.vitals.scoring;

import dev.vitals.schema.HealthBand;
import java.util.List;

/**
 * The model's verdict on one account.
 *
 * @param score 0–100, one decimal
 * @param band the band of {@code score} as published (the rounded value)
 * @param components component scores; null where a component had no data
 * @param coverage share (0–1, three decimals) of the segment's component weight that had data; low coverage
 *     means a thin score built from few signals
 * @param factors every factor that had data, largest |points| first, ties by name; their points add up to
 *     {@code score - 50}
 */
public record HealthAssessment(
    double score, HealthBand band, ComponentScores components, double coverage, List<Factor> factors) {

  /**
   * Without any data the model has no opinion: the neutral midpoint, coverage 0, nothing to explain; NEUTRAL under
   * the default thresholds (the model bands it with the configured ones).
   */
  public static final HealthAssessment NO_DATA =
      new HealthAssessment(HealthModel.NEUTRAL_SCORE, HealthBand.NEUTRAL, ComponentScores.NONE, 0.0, List.of());

  public HealthAssessment {
    factors = List.copyOf(factors);
  }

  /** The {@code n} factors that moved the score most (fewer when there are fewer). */
  public List<Factor> top(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    return factors.subList(0, Math.min(n, factors.size()));
  }
}
