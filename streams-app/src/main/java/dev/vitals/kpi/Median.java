package dev.vitals.kpi;

import java.time.Duration;
import java.util.List;

/** Median of durations: the middle one, or the mean of the two middle ones for an even count. */
public final class Median {
  private Median() {}

  public static Duration of(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(middle);
    }
    return sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
  }
}
