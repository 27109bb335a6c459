package dev.vitals.bench;

import java.time.Duration;

/**
 * The load a soak feeds, phase by phase: a steady rate (half the pipeline's measured throughput), then a spike of
 * {@code spikeFactor} times that rate, then the steady rate again while the lag the spike built drains, for at
 * most {@code drainTimeout}.
 */
record SoakPlan(double rate, Duration steady, double spikeFactor, Duration spike, Duration drainTimeout) {
  enum Phase { STEADY, SPIKE, DRAIN, OVER }

  SoakPlan {
    if (!(rate > 0) || !(spikeFactor >= 1) || steady.isNegative() || steady.isZero() || spike.isNegative()
        || drainTimeout.isNegative() || drainTimeout.isZero()) {
      throw new IllegalArgumentException("a soak needs a positive rate, steady phase and drain timeout, a spike"
          + " factor of at least 1 and a spike of zero or more: " + this);
    }
  }

  Phase phaseAt(Duration elapsed) {
    if (elapsed.compareTo(steady) < 0) {
      return Phase.STEADY;
    }
    if (elapsed.compareTo(steady.plus(spike)) < 0) {
      return Phase.SPIKE;
    }
    return elapsed.compareTo(end()) < 0 ? Phase.DRAIN : Phase.OVER;
  }

  /** Events per second due at {@code elapsed}; zero once the plan is over. */
  double rateAt(Duration elapsed) {
    return switch (phaseAt(elapsed)) {
      case SPIKE -> rate * spikeFactor;
      case STEADY, DRAIN -> rate;
      case OVER -> 0;
    };
  }

  /** Events due from the start to {@code elapsed}: the integral of the rate, so the feed never drifts. */
  long dueBy(Duration elapsed) {
    double seconds = Math.min(elapsed.toNanos(), end().toNanos()) / 1e9;
    double steadySeconds = steady.toNanos() / 1e9;
    double spikeSeconds = spike.toNanos() / 1e9;
    double spiked = Math.min(Math.max(seconds - steadySeconds, 0), spikeSeconds);
    return (long) (seconds * rate + spiked * rate * (spikeFactor - 1));
  }

  Duration end() {
    return steady.plus(spike).plus(drainTimeout);
  }
}
