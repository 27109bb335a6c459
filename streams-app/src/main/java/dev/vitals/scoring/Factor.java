package dev.vitals.scoring;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One line of a score's explanation.
 *
 * @param component the component the factor belongs to
 * @param name stable snake_case name, e.g. {@code license_utilization} (see {@link FactorId#key()})
 * @param points signed contribution to the score against the neutral 50, one decimal; the points of all factors
 *     of an assessment add up to its score minus 50
 * @param explanation what was measured, in words, e.g. "license utilisation 18% (6/33 seats)", made when read
 */
public record Factor(Component component, String name, double points, Supplier<String> explanation) {

  /** What was measured, in words. */
  public String detail() {
    return explanation.get();
  }

  /** Equal when they read the same: component, name, points and detail. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Factor that && component == that.component && name.equals(that.name)
        && Double.compare(points, that.points) == 0 && detail().equals(that.detail());
  }

  @Override
  public int hashCode() {
    return Objects.hash(component, name, points);
  }

  @Override
  public String toString() {
    return "Factor[" + component + ", " + name + ", " + points + ", " + detail() + "]";
  }
}
