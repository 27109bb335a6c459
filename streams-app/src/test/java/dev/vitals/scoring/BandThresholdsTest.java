package dev.vitals.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.HealthBand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BandThresholdsTest {
  private final BandThresholds defaults = new BandThresholds(70, 40);

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "100, HEALTHY",
      "70, HEALTHY",
      "69.9, NEUTRAL",
      "40, NEUTRAL",
      "39.9, AT_RISK",
      "0, AT_RISK",
  })
  void shouldPutExactBoundariesOnTheBetterSide(double score, HealthBand expected) {
    assertThat(defaults.bandOf(score)).isEqualTo(expected);
  }

  @Test
  void shouldHonourConfiguredThresholds() {
    // given: a stricter team
    BandThresholds strict = new BandThresholds(80, 50);

    // when / then
    assertThat(strict.bandOf(79.9)).isEqualTo(HealthBand.NEUTRAL);
    assertThat(strict.bandOf(80)).isEqualTo(HealthBand.HEALTHY);
    assertThat(strict.bandOf(49.9)).isEqualTo(HealthBand.AT_RISK);
    assertThat(strict.bandOf(50)).isEqualTo(HealthBand.NEUTRAL);
  }

  @Test
  void shouldAllowNoNeutralBandWhenThresholdsMeet() {
    BandThresholds twoBands = new BandThresholds(60, 60);

    assertThat(twoBands.bandOf(60)).isEqualTo(HealthBand.HEALTHY);
    assertThat(twoBands.bandOf(59.9)).isEqualTo(HealthBand.AT_RISK);
  }

  @Test
  void shouldRejectOverlappingBands() {
    assertThatThrownBy(() -> new BandThresholds(40, 70))
        .isInstanceOf(InvalidScoringConfigException.class)
        .hasMessage("atRiskBelow: must be <= healthyAtOrAbove (40), was 70");
  }
}
