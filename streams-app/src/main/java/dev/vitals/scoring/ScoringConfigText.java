package dev.vitals.scoring;

import dev.vitals.schema.Segment;
import java.time.Duration;
import java.util.Locale;

/**
 * Renders the effective configuration for the start-up log. Deterministic (fixed order, no hash-map iteration,
 * locale-independent numbers) so two instances or two releases can be compared with a plain diff.
 */
final class ScoringConfigText {
  private ScoringConfigText() {}

  static String render(ScoringConfig config) {
    StringBuilder out = new StringBuilder();
    out.append("scoring model ").append(config.modelVersion()).append('\n');
    appendBands(out, config.bands());
    appendWeights(out, config);
    appendFactors(out, config);
    appendAlerts(out, config.alerts());
    appendPipeline(out, config.pipeline());
    out.append("portfolio: grossMargin ").append(n(config.portfolio().grossMargin())).append('\n');
    out.append("onboarding: stalledAfter ").append(d(config.onboarding().stalledAfter())).append('\n');
    return out.toString();
  }

  private static void appendBands(StringBuilder out, BandThresholds bands) {
    out.append("bands: HEALTHY >= ").append(n(bands.healthyAtOrAbove()))
        .append(", AT_RISK < ").append(n(bands.atRiskBelow()))
        .append(", NEUTRAL in between\n");
  }

  private static void appendWeights(StringBuilder out, ScoringConfig config) {
    out.append("component weights (usage / support / financial / sentiment):\n");
    for (Segment segment : Segment.values()) {
      String origin = config.weights().containsKey(segment) ? "" : " (default)";
      out.append(String.format(Locale.ROOT, "  %-11s %s%s\n", segment, weights(config.weightsFor(segment)), origin));
    }
    out.append(String.format(Locale.ROOT, "  %-11s %s\n", "default", weights(config.defaultWeights())));
  }

  private static void appendFactors(StringBuilder out, ScoringConfig config) {
    out.append("factors (weight, critical weight at sub-score 0, curve as [x, score]):\n");
    for (FactorId id : FactorId.values()) {
      FactorSpec spec = config.factor(id);
      out.append("  ").append(id.component().label()).append('.').append(id.key())
          .append(": weight ").append(n(spec.weight()));
      if (spec.criticalWeight() != spec.weight()) {
        out.append(", critical ").append(n(spec.criticalWeight()));
      }
      out.append(", curve ").append(spec.curve());
      if (spec.shrinkage() != null) {
        Shrinkage shrink = spec.shrinkage();
        out.append(", small samples towards ").append(n(shrink.toward())).append(" with weight ")
            .append(n(shrink.weight()));
        shrink.segmentToward().forEach((segment, norm) -> out.append(", ").append(segment).append(' ').append(n(norm)));
      }
      out.append('\n');
      spec.segmentCurves().forEach((segment, curve) ->
          out.append("      ").append(segment).append(" curve ").append(curve).append('\n'));
    }
  }

  private static void appendAlerts(StringBuilder out, AlertThresholds alerts) {
    out.append("alerts: atRiskResolveAtOrAbove ").append(n(alerts.atRiskResolveAtOrAbove()))
        .append(", scoreDropPoints ").append(n(alerts.scoreDropPoints()))
        .append(", scoreDropWindow ").append(d(alerts.scoreDropWindow()))
        .append(", paymentFailures ").append(alerts.paymentFailures())
        .append(", detractorMaxScore ").append(alerts.detractorMaxScore())
        .append(", usageCollapseRatio ").append(n(alerts.usageCollapseRatio()))
        .append(", usageCollapseMinWeeklyEvents ").append(n(alerts.usageCollapseMinWeeklyEvents()))
        .append(", dormantAfter ").append(d(alerts.dormantAfter()))
        .append(", renewalWithin ").append(d(alerts.renewalWithin()))
        .append('\n');
    AlertStability stability = alerts.stability();
    out.append("  resolve margins: SCORE_DROP below ").append(n(stability.scoreDropResolveBelowPoints()))
        .append(" points, USAGE_COLLAPSE at ").append(n(stability.usageCollapseResolveRatio()))
        .append(", RENEWAL_AT_RISK ").append(n(stability.renewalResolveAbovePoints()))
        .append(" points above HEALTHY\n");
    out.append("  minimum open:");
    stability.minimumOpen().forEach((rule, duration) -> out.append(' ').append(rule).append(' ').append(d(duration)));
    out.append("\n  minimum evidence for score-based rules: account age ").append(d(stability.minimumAccountAge()))
        .append(", coverage ").append(n(stability.minimumCoverage())).append('\n');
  }

  private static void appendPipeline(StringBuilder out, PipelinePolicy pipeline) {
    out.append("pipeline: grace ").append(d(pipeline.grace()))
        .append(", maxFutureSkew ").append(d(pipeline.maxFutureSkew()))
        .append(", emitInterval ").append(d(pipeline.emitInterval()))
        .append('\n');
    out.append("  data gap after:");
    pipeline.dataGap().after().forEach((source, after) -> out.append(' ').append(source.label()).append(' ')
        .append(d(after)));
    out.append('\n');
  }

  private static String weights(ComponentWeights w) {
    return n(w.usage()) + " / " + n(w.support()) + " / " + n(w.financial()) + " / " + n(w.sentiment());
  }

  /** Whole days as written in the YAML ({@code P7D}); {@link Duration#toString()} would say PT168H. */
  private static String d(Duration duration) {
    Duration wholeDays = Duration.ofDays(duration.toDays());
    return duration.equals(wholeDays) && !duration.isZero() ? "P" + duration.toDays() + "D" : duration.toString();
  }

  private static String n(double value) {
    return Checks.number(value);
  }
}
