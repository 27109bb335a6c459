package dev.vitals.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TenthsTest {

  @Test
  void shouldGiveMissingTenthsToLargestRemaindersSoTheSumMatches() {
    // given: exact 3.75 + 1.75 + 0.5 = 6.0; rounding each half up would publish 3.8 + 1.8 + 0.5 = 6.1
    double[] exact = {3.75, 1.75, 0.5};

    // when
    double[] rounded = Tenths.apportion(exact, List.of("a", "b", "c"), 6.0);

    // then: one of the two .x5 values is rounded down; equal remainders go to the first name
    assertThat(rounded).containsExactly(3.8, 1.7, 0.5);
  }

  @Test
  void shouldRoundNegativePointsTowardsTheTotal() {
    // given: three small losses of 0.04 sum to -0.12, published as -0.1
    double[] exact = {-0.04, -0.04, -0.04};

    // when
    double[] rounded = Tenths.apportion(exact, List.of("a", "b", "c"), -0.1);

    // then
    assertThat(rounded).containsExactly(0.0, 0.0, -0.1);
  }
}
