package dev.vitals.scoring;

import dev.vitals.kpi.AccountKpis;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The health score (SPEC §4): four components scored 0–100 from their KPIs, combined by a weighted mean, with an
 * explanation whose points add up to the score. Pure and stateless: the same KPIs, segment and configuration
 * always give the same assessment. docs/scoring.md states the formulas.
 *
 * <p>Within a component, each available factor's KPI value is mapped by its curve to a sub-score s; the
 * component score is the weighted mean of its factors' sub-scores. The overall score is the weighted mean of the
 * available components. Because every mean is taken around the neutral 50, a factor's share of the score is
 * {@code points = (s - 50) × w_factor × w_component} (both weights normalised over what is available), and
 * {@code score = 50 + Σ points}.
 */
public final class HealthModel {
  /** The score when nothing is known, and the origin every factor's points are measured from. */
  public static final double NEUTRAL_SCORE = 50.0;

  private final ScoringConfig config;

  public HealthModel(ScoringConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public ScoringConfig config() {
    return config;
  }

  /**
   * Scores an account.
   *
   * @param kpis the account's KPIs; any of its four parts may be null (treated as no data)
   * @param segmentOrNull the account's segment; null when the profile is not known yet (default weights)
   */
  public HealthAssessment assess(AccountKpis kpis, Segment segmentOrNull) {
    Map<Component, ComponentResult> results = scoreComponents(kpis, segmentOrNull);
    ComponentWeights weights = config.weightsFor(segmentOrNull);
    double availableWeight = results.keySet().stream().mapToDouble(weights::of).sum();
    if (availableWeight <= 0) {
      // No component with data (or only zero-weight ones): no evidence either way, see HealthAssessment.NO_DATA;
      // the band is the configured thresholds' for that neutral score, as for any other.
      HealthAssessment neutral = HealthAssessment.NO_DATA;
      HealthBand band = config.bands().bandOf(neutral.score());
      return withComponents(results, new HealthAssessment(neutral.score(), band, neutral.components(),
          neutral.coverage(), neutral.factors()), coverage(results, weights));
    }
    List<WeightedFactor> weighted = weightFactors(results, weights, availableWeight);
    double exactScore = NEUTRAL_SCORE + weighted.stream().mapToDouble(WeightedFactor::points).sum();
    double score = Tenths.round(exactScore);
    HealthBand band = config.bands().bandOf(score);
    return new HealthAssessment(score, band, componentScores(results), coverage(results, weights),
        explain(weighted, score));
  }

  /**
   * The score {@link #assess} would publish, without building its explanation: for the closing scores of past days,
   * where only the number is kept.
   */
  public double score(AccountKpis kpis, Segment segmentOrNull) {
    Map<Component, ComponentResult> results = scoreComponents(kpis, segmentOrNull);
    ComponentWeights weights = config.weightsFor(segmentOrNull);
    double availableWeight = results.keySet().stream().mapToDouble(weights::of).sum();
    if (availableWeight <= 0) {
      return HealthAssessment.NO_DATA.score();
    }
    double points = 0;
    for (WeightedFactor factor : weightFactors(results, weights, availableWeight)) {
      points += factor.points();
    }
    return Tenths.round(NEUTRAL_SCORE + points);
  }

  /** Each component that has data, scored; components without data are absent from the map. */
  private Map<Component, ComponentResult> scoreComponents(AccountKpis kpis, Segment segment) {
    Map<Component, ComponentResult> results = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      List<Observation> observations = observe(component, kpis);
      ComponentResult result = ComponentResult.score(component, observations, config, segment);
      if (result != null) {
        results.put(component, result);
      }
    }
    return results;
  }

  /** The factor inputs of a component, or none when its KPI record is missing or says it has no data. */
  private static List<Observation> observe(Component component, AccountKpis kpis) {
    if (kpis == null) {
      return List.of();
    }
    return switch (component) {
      case USAGE -> kpis.usage() == null || !kpis.usage().hasData() ? List.of() : UsageObservations.of(kpis.usage());
      case SUPPORT -> kpis.support() == null || !kpis.support().hasData()
          ? List.of()
          : SupportObservations.of(kpis.support(), kpis.usage() == null ? 0 : kpis.usage().activeUsers30d());
      case FINANCIAL -> kpis.financial() == null || !kpis.financial().hasData()
          ? List.of() : FinancialObservations.of(kpis.financial());
      case SENTIMENT -> kpis.sentiment() == null || !kpis.sentiment().hasData()
          ? List.of() : SentimentObservations.of(kpis.sentiment());
    };
  }

  private static List<WeightedFactor> weightFactors(
      Map<Component, ComponentResult> results, ComponentWeights weights, double availableWeight) {
    List<WeightedFactor> weighted = new ArrayList<>();
    results.forEach((component, result) -> {
      double componentShare = weights.of(component) / availableWeight;
      for (ComponentResult.ScoredFactor f : result.factors()) {
        double points = (f.subScore() - NEUTRAL_SCORE) * f.share() * componentShare;
        weighted.add(new WeightedFactor(component, f.observation(), points));
      }
    });
    return weighted;
  }

  /** Factors with points rounded so they add up to the published score minus 50, biggest movers first. */
  private static List<Factor> explain(List<WeightedFactor> weighted, double score) {
    double[] exact = weighted.stream().mapToDouble(WeightedFactor::points).toArray();
    List<String> names = weighted.stream().map(w -> w.observation().id().key()).toList();
    double[] rounded = Tenths.apportion(exact, names, score - NEUTRAL_SCORE);
    List<Factor> factors = new ArrayList<>();
    for (int i = 0; i < rounded.length; i++) {
      WeightedFactor w = weighted.get(i);
      factors.add(new Factor(w.component(), names.get(i), rounded[i], w.observation().detail()));
    }
    factors.sort(Comparator.comparingDouble((Factor f) -> -Math.abs(f.points())).thenComparing(Factor::name));
    return factors;
  }

  /** Coverage = configured weight of the components with data / configured weight of all four. */
  private static double coverage(Map<Component, ComponentResult> results, ComponentWeights weights) {
    double covered = results.keySet().stream().mapToDouble(weights::of).sum();
    return Tenths.round3(covered / weights.total());
  }

  private static ComponentScores componentScores(Map<Component, ComponentResult> results) {
    return new ComponentScores(
        componentScore(results, Component.USAGE),
        componentScore(results, Component.SUPPORT),
        componentScore(results, Component.FINANCIAL),
        componentScore(results, Component.SENTIMENT));
  }

  private static Double componentScore(Map<Component, ComponentResult> results, Component component) {
    ComponentResult result = results.get(component);
    return result == null ? null : Tenths.round(result.score());
  }

  /**
   * Only zero-weight components had data: the score stays neutral, but their component scores are still shown
   * because they were measured.
   */
  private static HealthAssessment withComponents(
      Map<Component, ComponentResult> results, HealthAssessment neutral, double coverage) {
    if (results.isEmpty()) {
      return neutral;
    }
    return new HealthAssessment(neutral.score(), neutral.band(), componentScores(results), coverage, List.of());
  }

  /** A factor with its exact signed contribution to the overall score. */
  private record WeightedFactor(Component component, Observation observation, double points) {}
}
