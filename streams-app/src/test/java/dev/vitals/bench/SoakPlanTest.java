package dev.vitals.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakPlanTest {
  private final SoakPlan plan =
      new SoakPlan(100, Duration.ofSeconds(60), 3, Duration.ofSeconds(10), Duration.ofSeconds(30));

  @Test
  void shouldFeedTheSteadyRateThenThreeTimesItThenTheSteadyRateAgain() {
    assertThat(plan.dueBy(Duration.ofSeconds(60))).isEqualTo(6_000);
    assertThat(plan.dueBy(Duration.ofSeconds(70))).isEqualTo(6_000 + 3_000);
    assertThat(plan.dueBy(Duration.ofSeconds(80))).isEqualTo(9_000 + 1_000);
    assertThat(plan.rateAt(Duration.ofSeconds(65))).isEqualTo(300);
  }

  @Test
  void shouldStopFeedingWhenThePlanIsOver() {
    assertThat(plan.phaseAt(Duration.ofSeconds(100))).isEqualTo(SoakPlan.Phase.OVER);
    assertThat(plan.rateAt(Duration.ofSeconds(100))).isZero();
    assertThat(plan.dueBy(Duration.ofSeconds(500))).isEqualTo(plan.dueBy(Duration.ofSeconds(100)));
  }

  @Test
  void shouldRefuseAPlanWithoutASteadyRate() {
    assertThatThrownBy(() -> new SoakPlan(0, Duration.ofSeconds(60), 3, Duration.ZERO, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive rate");
  }
}
