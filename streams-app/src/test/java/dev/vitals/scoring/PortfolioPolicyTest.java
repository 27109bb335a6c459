package dev.vitals.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CLV's gross margin: configurable in the scoring file, 0.8 when absent, refused at load when not a share. */
class PortfolioPolicyTest {
  private static final String BUNDLED = bundledYaml();

  @Test
  void theBundledModelUsesAGrossMarginOfEightyPercent() {
    assertThat(ScoringConfig.defaults().portfolio().grossMargin()).isEqualTo(0.8);
  }

  @Test
  void aConfiguredGrossMarginIsUsed() {
    String yaml = BUNDLED.replace("grossMargin: 0.8", "grossMargin: 0.65");

    assertThat(parse(yaml).portfolio().grossMargin()).isEqualTo(0.65);
  }

  @Test
  void aFileWithoutThePortfolioSectionLoadsWithTheDefault() {
    String yaml = BUNDLED.substring(0, BUNDLED.indexOf("# The portfolio report"));

    assertThat(parse(yaml).portfolio()).isEqualTo(PortfolioPolicy.DEFAULTS);
  }

  @Test
  void aGrossMarginGivenInPercentIsRefusedWithTheFieldAndTheValue() {
    String yaml = BUNDLED.replace("grossMargin: 0.8", "grossMargin: 80");

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(InvalidScoringConfigException.class)
        .hasMessage("scoring.yaml: portfolio.grossMargin: must be a share above 0 and at most 1 (0.8 for 80 %),"
            + " was 80");
  }

  @Test
  void aZeroGrossMarginIsRefused() {
    String yaml = BUNDLED.replace("grossMargin: 0.8", "grossMargin: 0");

    assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("portfolio.grossMargin: must be a share above 0");
  }

  private static ScoringConfig parse(String yaml) {
    return ScoringConfig.fromYaml("scoring.yaml", yaml);
  }

  private static String bundledYaml() {
    try (InputStream in = ScoringConfig.class.getClassLoader().getResourceAsStream(ScoringConfig.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
