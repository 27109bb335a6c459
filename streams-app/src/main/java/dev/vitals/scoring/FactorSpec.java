package dev.vitals.scoring;

import dev.vitals.schema.Segment;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one factor is scored: its relative weight inside its component and the curve from KPI value to sub-score,
 * optionally a different curve per segment (an enterprise expects a faster first response than a small business).
 *
 * @param weight relative weight inside the component while the factor is not critical
 * @param criticalWeight relative weight when the sub-score is 0, the bottom of its curve. A weighted mean lets a
 *     healthy majority outvote one disastrous signal; a cancelled subscription or repeated payment failures must
 *     drag the financial component down on their own, so such factors weigh more once they hit the floor. Equal
 *     to {@code weight} when not configured. It must not be below {@code weight}, or hitting the floor would
 *     soften the blow and the score would no longer fall as the KPI worsens.
 * @param curve the curve for accounts without a segment-specific one
 * @param segmentCurves per-segment curves that replace {@code curve}; may be empty
 * @param shrinkage how a value measured on a small sample is weighed towards a norm before its curve; null for
 *     factors whose KPI is not a sample (or when not configured)
 */
public record FactorSpec(double weight, double criticalWeight, Curve curve, Map<Segment, Curve> segmentCurves,
    Shrinkage shrinkage) {

  public FactorSpec {
    Checks.atLeast("weight", weight, 0);
    Checks.atLeast("criticalWeight", criticalWeight, weight);
    Checks.present("curve", curve);
    Map<Segment, Curve> copy = new EnumMap<>(Segment.class);
    if (segmentCurves != null) {
      segmentCurves.forEach((segment, c) -> copy.put(
          Objects.requireNonNull(segment, "segment"), Checks.present("segments." + segment, c)));
    }
    segmentCurves = Collections.unmodifiableMap(copy); // EnumMap: renders in segment order
  }

  /** A factor with one curve for everyone and no extra weight at the floor. */
  public static FactorSpec of(double weight, Curve curve) {
    return new FactorSpec(weight, weight, curve, Map.of(), null);
  }

  public Curve curveFor(Segment segmentOrNull) {
    if (segmentOrNull == null) {
      return curve;
    }
    return segmentCurves.getOrDefault(segmentOrNull, curve);
  }

  /** The weight this factor carries at this sub-score (see {@link #criticalWeight}). */
  public double weightAt(double subScore) {
    return subScore <= 0 ? criticalWeight : weight;
  }
}
