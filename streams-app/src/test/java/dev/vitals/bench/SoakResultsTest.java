package dev.vitals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The soak's verdicts from made-up samples: each goal fails on the trace that breaks it, and only that goal. */
class SoakResultsTest {
  /** 10 minutes steady at 1,000 events/s, 1 minute at 3x, 10 minutes at most to drain; a sample every 5 s. */
  private static final SoakPlan PLAN =
      new SoakPlan(1_000, Duration.ofMinutes(10), 3, Duration.ofMinutes(1), Duration.ofMinutes(10));
  private static final long MIB = 1L << 20;

  @Test
  void shouldMeetEveryGoalWhenLagMemoryAndLogsStayFlatAndTheSpikeDrains() {
    SoakResults results = new SoakResults(2_000, PLAN, trace(second -> 500, second -> 200 * MIB, 0));

    assertThat(verdicts(results)).containsOnly(Map.entry(true, 5L));
    assertThat(results.drainTime()).contains(Duration.ofSeconds(60));
  }

  @Test
  void shouldFindLagUnboundedWhenItKeepsGrowingThroughTheSteadyPhase() {
    SoakResults results = new SoakResults(2_000, PLAN, trace(second -> 100L * second, second -> 200 * MIB, 0));

    assertThat(unmet(results)).contains("lag bounded at 1,000 events/s (half the throughput)");
  }

  @Test
  void shouldFindHeapNotFlatWhenTheLiveHeapGrowsBeyondTenPercent() {
    SoakResults results = new SoakResults(2_000, PLAN, trace(second -> 500, second -> (200 + second / 2) * MIB, 0));

    assertThat(unmet(results)).containsExactlyInAnyOrder("live heap flat", "resident memory flat");
  }

  @Test
  void shouldFailOnAnyErrorLog() {
    SoakResults results = new SoakResults(2_000, PLAN, trace(second -> 500, second -> 200 * MIB, 1));

    assertThat(unmet(results)).containsExactly("no ERROR log");
  }

  @Test
  void shouldFindTheSpikeNotAbsorbedWhenItsLagNeverDrains() {
    List<SoakSample> samples = trace(second -> second < 600 ? 500 : 60_000, second -> 200 * MIB, 0);

    SoakResults results = new SoakResults(2_000, PLAN, samples);

    assertThat(results.drainTime()).isEmpty();
    assertThat(unmet(results)).containsExactly("a 3x spike for PT1M absorbed");
  }

  /**
   * Samples every 5 s through the steady phase, the spike and two minutes of drain: lag and memory by second; the
   * spike's own lag is 30,000 records and it is gone a minute after the spike.
   */
  private static List<SoakSample> trace(IntToLongFunction lag, IntToLongFunction memory, long errors) {
    List<SoakSample> samples = new ArrayList<>();
    for (int second = 0; second <= 780; second += 5) {
      Duration at = Duration.ofSeconds(second);
      SoakPlan.Phase phase = PLAN.phaseAt(at);
      long records = phase == SoakPlan.Phase.STEADY ? lag.applyAsLong(second)
          : second < 720 ? Math.max(lag.applyAsLong(second), 30_000) : lag.applyAsLong(second);
      samples.add(new SoakSample(at, phase, PLAN.dueBy(at), PLAN.dueBy(at) - records, records,
          second % 60 == 0 ? memory.applyAsLong(second) : -1, memory.applyAsLong(second) * 2, errors,
          SoakStrain.UNKNOWN));
    }
    return samples;
  }

  private static Map<Boolean, Long> verdicts(SoakResults results) {
    return results.goals().stream().collect(Collectors.groupingBy(BenchResults.Goal::met, Collectors.counting()));
  }

  private static List<String> unmet(SoakResults results) {
    return results.goals().stream().filter(goal -> !goal.met()).map(BenchResults.Goal::goal).toList();
  }
}
