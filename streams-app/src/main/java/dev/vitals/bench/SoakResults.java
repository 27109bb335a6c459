package dev.vitals.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A soak's samples and how they read against issue 15's goals: lag bounded at half load, heap and resident memory
 * flat, no ERROR log, and a spike absorbed (its lag drains). The first sixth of the steady phase is the pipeline
 * settling (JIT, caches, the first day's evaluation of every account) and is left out of the comparisons.
 *
 * @param throughput the pipeline's exactly-once events/s over the backlog, measured in the same run
 */
record SoakResults(double throughput, SoakPlan plan, List<SoakSample> samples) {
  /** Lag may grow by this much over the steady phase, or by a couple of seconds of input, and still be bounded. */
  private static final double LAG_GROWTH = 1.5;
  private static final Duration LAG_SLACK = Duration.ofSeconds(2);
  /** Memory is flat when its second half averages within 10 % (or a small absolute amount) of its first. */
  private static final double MEMORY_GROWTH = 1.10;
  private static final long HEAP_SLACK = 32L << 20;
  private static final long RSS_SLACK = 64L << 20;

  List<BenchResults.Goal> goals() {
    List<BenchResults.Goal> goals = new ArrayList<>();
    List<SoakSample> settled = settledSteady();
    List<SoakSample> first = settled.subList(0, settled.size() / 2);
    List<SoakSample> second = settled.subList(settled.size() / 2, settled.size());
    long bound = lagBound();
    long lastLag = max(second, SoakSample::lag);
    goals.add(new BenchResults.Goal(String.format("lag bounded at %,.0f events/s (half the throughput)", plan.rate()),
        String.format("max lag %,d records in the steady phase's second half, %,d in its first (bound %,d)", lastLag,
            max(first, SoakSample::lag), bound), second.size() >= 2 && lastLag <= bound));
    goals.add(memoryGoal("live heap flat", heapSamples(first), heapSamples(second), SoakSample::liveHeap,
        HEAP_SLACK));
    goals.add(memoryGoal("resident memory flat", first, second, SoakSample::rss, RSS_SLACK));
    long errors = samples.isEmpty() ? -1 : samples.get(samples.size() - 1).errors();
    goals.add(new BenchResults.Goal("no ERROR log", errors + " ERROR log events", errors == 0));
    Optional<Duration> drained = drainTime();
    goals.add(new BenchResults.Goal(String.format("a %.0fx spike for %s absorbed", plan.spikeFactor(), plan.spike()),
        String.format("peak lag %,d records; %s", max(afterSteady(), SoakSample::lag),
            drained.map(d -> "back under " + String.format("%,d", bound) + " records " + d.toSeconds()
                + " s after the spike").orElse("not drained within " + plan.drainTimeout())),
        drained.isPresent()));
    return goals;
  }

  /** The lag a steady pipeline may show: what its settled first half showed, with room, or two seconds of input. */
  long lagBound() {
    List<SoakSample> settled = settledSteady();
    long early = max(settled.subList(0, settled.size() / 2), SoakSample::lag);
    return Math.max((long) (early * LAG_GROWTH), (long) (plan.rate() * LAG_SLACK.toSeconds()));
  }

  /** From the spike's end to the first sample back within the lag bound; empty when that never came. */
  Optional<Duration> drainTime() {
    Duration spikeEnd = plan.steady().plus(plan.spike());
    long bound = lagBound();
    return samples.stream()
        .filter(s -> s.phase() == SoakPlan.Phase.DRAIN && s.lag() <= bound)
        .findFirst()
        .map(s -> s.at().minus(spikeEnd));
  }

  boolean allMet() {
    return goals().stream().allMatch(BenchResults.Goal::met);
  }

  private static BenchResults.Goal memoryGoal(String goal, List<SoakSample> first, List<SoakSample> second,
      ToLongFunction<SoakSample> figure, long slack) {
    double before = average(first, figure);
    double after = average(second, figure);
    boolean measured = !first.isEmpty() && !second.isEmpty() && before > 0;
    return new BenchResults.Goal(goal, String.format("%,.0f MiB in the steady phase's first half, %,.0f MiB in its"
            + " second", before / (1 << 20), after / (1 << 20)),
        measured && after <= Math.max(before * MEMORY_GROWTH, before + slack));
  }

  private List<SoakSample> settledSteady() {
    Duration settling = plan.steady().dividedBy(6);
    return samples.stream()
        .filter(s -> s.phase() == SoakPlan.Phase.STEADY && s.at().compareTo(settling) >= 0)
        .toList();
  }

  private List<SoakSample> afterSteady() {
    return samples.stream().filter(s -> s.phase() != SoakPlan.Phase.STEADY).toList();
  }

  private static List<SoakSample> heapSamples(List<SoakSample> samples) {
    return samples.stream().filter(SoakSample::measuredHeap).toList();
  }

  private static long max(List<SoakSample> samples, ToLongFunction<SoakSample> figure) {
    return samples.stream().mapToLong(figure).max().orElse(0);
  }

  private static double average(List<SoakSample> samples, ToLongFunction<SoakSample> figure) {
    return samples.stream().mapToLong(figure).average().orElse(0);
  }
}
