package dev.vitals.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveTest {
  private static final double EXACT = 1e-9;

  @Test
  void shouldInterpolateLinearlyBetweenPoints() {
    // given
    Curve curve = Curve.of(0.25, 0, 1.0, 80, 1.25, 100);

    // when / then: a quarter of the way from 0.25 to 1.0 is a quarter of 80
    assertThat(curve.scoreAt(0.4375)).isCloseTo(20.0, within(EXACT));
    assertThat(curve.scoreAt(1.0)).isCloseTo(80.0, within(EXACT));
    assertThat(curve.scoreAt(1.125)).isCloseTo(90.0, within(EXACT));
  }

  @Test
  void shouldStayFlatBeyondTheFirstAndLastPoint() {
    // given
    Curve curve = Curve.of(0, 0, 0.8, 100);

    // when / then
    assertThat(curve.scoreAt(-5)).isEqualTo(0.0);
    assertThat(curve.scoreAt(0.8)).isEqualTo(100.0);
    assertThat(curve.scoreAt(1.7)).isEqualTo(100.0);
  }

  @Test
  void shouldFollowFallingCurves() {
    // given: fewer days since last usage is better
    Curve curve = Curve.of(1, 100, 14, 0);

    // when / then
    assertThat(curve.scoreAt(0)).isEqualTo(100.0);
    assertThat(curve.scoreAt(7.5)).isCloseTo(50.0, within(EXACT));
    assertThat(curve.scoreAt(30)).isEqualTo(0.0);
  }

  @Test
  void shouldRejectPointsThatDoNotIncrease() {
    assertThatThrownBy(() -> Curve.of(0, 0, 1, 50, 1, 100))
        .isInstanceOf(InvalidScoringConfigException.class)
        .hasMessage("[2]: x must be greater than the previous point's (1), was 1");
  }

  @Test
  void shouldRejectFewerThanTwoPoints() {
    assertThatThrownBy(() -> new Curve(List.of(new Curve.Point(0, 50))))
        .isInstanceOf(InvalidScoringConfigException.class)
        .hasMessage("needs at least 2 points, had 1");
  }

  @Test
  void shouldRejectScoresOutsideZeroToHundred() {
    assertThatThrownBy(() -> Curve.of(0, 0, 1, 120))
        .isInstanceOf(InvalidScoringConfigException.class)
        .hasMessage("score: must be <= 100, was 120");
  }

  @Test
  void shouldRenderAsYamlPairs() {
    assertThat(Curve.of(0, 0, 0.8, 100)).hasToString("[[0, 0], [0.8, 100]]");
  }
}
