package dev.vitals.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rounding to one decimal. Rounding each factor's points on its own would let the published points drift a
 * few tenths away from the published score; apportioning by largest remainder keeps every value within 0.1 of
 * its exact value while making the rounded points add up exactly to the rounded total.
 */
final class Tenths {
  /** Guards against values like 2.0 arriving as 1.9999999999 and losing a whole tenth to floor(). */
  private static final double EPSILON = 1e-9;

  private Tenths() {}

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /**
   * Rounds {@code exact} to tenths so that their sum is {@code roundedTotal}.
   *
   * @param exact the unrounded values
   * @param tieBreak order among equal remainders, for a deterministic result (e.g. factor names)
   * @param roundedTotal a multiple of 0.1 within 0.05 of the sum of {@code exact}
   */
  static double[] apportion(double[] exact, List<String> tieBreak, double roundedTotal) {
    int n = exact.length;
    long[] units = new long[n];
    double[] remainder = new double[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      units[i] = (long) Math.floor(exact[i] * 10 + EPSILON);
      remainder[i] = exact[i] * 10 - units[i];
      sum += units[i];
    }
    long missing = Math.round(roundedTotal * 10) - sum;
    distribute(units, remainder, tieBreak, missing);
    double[] rounded = new double[n];
    for (int i = 0; i < n; i++) {
      rounded[i] = units[i] / 10.0;
    }
    return rounded;
  }

  /** Hands out the missing tenths to the largest remainders (or takes them from the smallest, if negative). */
  private static void distribute(long[] units, double[] remainder, List<String> tieBreak, long missing) {
    if (missing == 0 || units.length == 0) {
      return;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < units.length; i++) {
      order.add(i);
    }
    Comparator<Integer> byRemainder = Comparator.comparingDouble(i -> remainder[i]);
    Comparator<Integer> largestFirst = byRemainder.reversed().thenComparing(tieBreak::get);
    order.sort(missing > 0 ? largestFirst : byRemainder.thenComparing(tieBreak::get));
    long step = missing > 0 ? 1 : -1;
    for (long k = 0; k < Math.abs(missing); k++) {
      units[order.get((int) (k % units.length))] += step;
    }
  }
}
