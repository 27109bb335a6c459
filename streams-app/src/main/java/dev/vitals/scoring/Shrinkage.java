package dev.vitals.scoring;

import dev.vitals.schema.Segment;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Weighs a KPI measured on a small sample towards a norm, in proportion to the sample (issue 13: no verdicts on thin
 * data): {@code (n × value + weight × norm) / (n + weight)}. One respondent's NPS of −100 is not the account's NPS;
 * thirty respondents' is. The norm is the segment's where one is configured.
 *
 * @param toward the norm for segments without one of their own
 * @param weight how many observations' worth of the norm is added (the sample size at which value and norm count
 *     the same)
 * @param segmentToward per-segment norms; may be empty
 */
public record Shrinkage(double toward, double weight, Map<Segment, Double> segmentToward) {

  public Shrinkage {
    Checks.positive("shrink.weight", weight);
    Map<Segment, Double> copy = new EnumMap<>(Segment.class);
    if (segmentToward != null) {
      copy.putAll(segmentToward);
    }
    segmentToward = Collections.unmodifiableMap(copy);
  }

  public double towardFor(Segment segmentOrNull) {
    return segmentOrNull == null ? toward : segmentToward.getOrDefault(segmentOrNull, toward);
  }

  /** {@code value}, measured on {@code sampleSize} observations, weighed towards the segment's norm. */
  public double apply(double value, double sampleSize, Segment segmentOrNull) {
    double n = Math.max(0, sampleSize);
    return (n * value + weight * towardFor(segmentOrNull)) / (n + weight);
  }
}
