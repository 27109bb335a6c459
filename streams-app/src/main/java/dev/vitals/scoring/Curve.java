package dev.vitals.scoring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps a KPI value to a 0–100 sub-score by straight lines between points, flat beyond the first and last point.
 * Piecewise-linear curves are what CS ops can read and change in YAML ({@code [[0, 0], [0.8, 100]]}: "0 % scores
 * 0, 80 % and above scores 100") while still expressing targets, floors and diminishing returns.
 *
 * @param points at least two, with strictly increasing {@code x}; scores between 0 and 100
 */
public record Curve(List<Point> points) {

  /** One corner of the curve: the KPI value {@code x} scores {@code score}. */
  public record Point(double x, double score) {
    public Point {
      Checks.finite("x", x);
      Checks.between("score", score, 0, 100);
    }
  }

  public Curve {
    Checks.present("", points);
    if (points.size() < 2) {
      throw new InvalidScoringConfigException("", "needs at least 2 points, had " + points.size());
    }
    for (int i = 1; i < points.size(); i++) {
      // Increasing x keeps the curve a function, so every KPI value has exactly one sub-score.
      if (points.get(i).x() <= points.get(i - 1).x()) {
        throw new InvalidScoringConfigException("[" + i + "]",
            "x must be greater than the previous point's (" + Checks.number(points.get(i - 1).x()) + "), was "
                + Checks.number(points.get(i).x()));
      }
    }
    points = List.copyOf(points);
  }

  /** Shorthand for code and tests: {@code Curve.of(0, 0, 0.8, 100)} is x0, score0, x1, score1, .... */
  public static Curve of(double... xAndScores) {
    if (xAndScores.length % 2 != 0) {
      throw new IllegalArgumentException("expected pairs of x and score, got " + xAndScores.length + " numbers");
    }
    Point[] points = new Point[xAndScores.length / 2];
    for (int i = 0; i < points.length; i++) {
      points[i] = new Point(xAndScores[2 * i], xAndScores[2 * i + 1]);
    }
    return new Curve(List.of(points));
  }

  /** The sub-score of a KPI value. */
  public double scoreAt(double x) {
    Point first = points.get(0);
    Point last = points.get(points.size() - 1);
    if (x <= first.x()) {
      return first.score();
    }
    if (x >= last.x()) {
      return last.score();
    }
    for (int i = 1; i < points.size(); i++) {
      Point right = points.get(i);
      if (x <= right.x()) {
        return interpolate(points.get(i - 1), right, x);
      }
    }
    return last.score(); // not reached: x < last.x() was checked above
  }

  private static double interpolate(Point left, Point right, double x) {
    double fraction = (x - left.x()) / (right.x() - left.x());
    return left.score() + fraction * (right.score() - left.score());
  }

  /** As written in YAML, e.g. {@code [[0, 0], [0.8, 100]]}. */
  @Override
  public String toString() {
    return points.stream()
        .map(p -> "[" + Checks.number(p.x()) + ", " + Checks.number(p.score()) + "]")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
