package dev.vitals.scoring;

import dev.vitals.schema.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * One component scored: the weighted mean of its available factors' sub-scores.
 *
 * @param score 0–100, unrounded
 * @param factors the factors that took part, each with its sub-score and normalised weight (share)
 */
record ComponentResult(Component component, double score, List<ScoredFactor> factors) {

  /**
   * @param subScore the curve's value at the KPI, 0–100
   * @param share the factor's weight divided by the weights of all available factors of the component
   */
  record ScoredFactor(Observation observation, double subScore, double share) {}

  /**
   * Scores the component, or returns null when it has nothing to go on: no observation available, or only
   * factors whose weight is zero.
   */
  static ComponentResult score(Component component, List<Observation> observations, ScoringConfig config,
      Segment segment) {
    List<Observation> available = new ArrayList<>();
    List<Double> subScores = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double totalWeight = 0;
    for (Observation o : observations) {
      if (!o.available()) {
        continue; // unknown KPI: left out, the others' weights re-normalise below
      }
      FactorSpec spec = config.factor(o.id());
      Observation weighed = weighed(o, spec.shrinkage(), segment);
      double subScore = spec.curveFor(segment).scoreAt(weighed.value());
      double weight = spec.weightAt(subScore);
      available.add(weighed);
      subScores.add(subScore);
      weights.add(weight);
      totalWeight += weight;
    }
    if (totalWeight <= 0) {
      return null;
    }
    List<ScoredFactor> factors = new ArrayList<>();
    double score = 0;
    for (int i = 0; i < available.size(); i++) {
      double share = weights.get(i) / totalWeight;
      factors.add(new ScoredFactor(available.get(i), subScores.get(i), share));
      score += subScores.get(i) * share;
    }
    return new ComponentResult(component, score, List.copyOf(factors));
  }

  /** The observation with a small sample's value weighed towards its norm, the explanation saying so. */
  private static Observation weighed(Observation o, Shrinkage shrinkage, Segment segment) {
    if (shrinkage == null || o.sampleSize() == null) {
      return o;
    }
    double value = shrinkage.apply(o.value(), o.sampleSize(), segment);
    double norm = shrinkage.towardFor(segment);
    return new Observation(o.id(), value, o.sampleSize(), () -> o.detail().get() + ", counted as "
        + Texts.decimal2(value) + " (sample " + Texts.decimal2(o.sampleSize()) + ", norm " + Texts.decimal2(norm)
        + ")");
  }
}
