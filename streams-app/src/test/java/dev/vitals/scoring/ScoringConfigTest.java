package dev.vitals.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.kpi.DataSource;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.Segment;
import dev.vitals.testing.TestScoring;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringConfigTest {
  private static final String BUNDLED = bundledYaml();

  @Test
  void shouldLoadBundledDefaults() {
    // when
    ScoringConfig config = ScoringConfig.defaults();

    // then
    assertThat(config.modelVersion()).isEqualTo("2026.11-3");
    assertThat(config.bands()).isEqualTo(new BandThresholds(70, 40));
    assertThat(config.weights()).containsOnlyKeys(Segment.ENTERPRISE, Segment.MID_MARKET, Segment.SMB);
    assertThat(config.weights().get(Segment.SMB)).isEqualTo(new ComponentWeights(0.40, 0.15, 0.30, 0.15));
    assertThat(config.defaultWeights()).isEqualTo(new ComponentWeights(0.35, 0.20, 0.20, 0.25));
    assertThat(config.factors()).containsOnlyKeys(FactorId.values());
    assertThat(config.factor(FactorId.CANCELLATION).criticalWeight()).isEqualTo(4.0);
  }

  @Test
  void shouldLoadAlertThresholdsAndPipelinePolicyWithIsoDurations() {
    // when
    ScoringConfig config = ScoringConfig.defaults();

    // then
    // resolve margins past the raising thresholds; no minimum open time (off in the bundled model, docs/alerts.md)
    AlertStability stability = new AlertStability(10, 0.75, 5, Map.of(), Duration.ofDays(7), 0.5);
    assertThat(config.alerts()).isEqualTo(new AlertThresholds(45, 15, Duration.ofDays(7), 2, 6, 0.5, 50,
        Duration.ofDays(14), Duration.ofDays(60), stability));
    assertThat(config.alerts().stability().minimumOpenOf(AlertRule.SCORE_DROP)).isZero();
    assertThat(config.pipeline()).isEqualTo(new PipelinePolicy(Duration.ofDays(7), Duration.ofHours(1),
        Duration.ofMillis(100)));
  }

  @Test
  void shouldRefuseAResolveMarginThatWouldResolveBeforeTheRuleRaises() {
    String yaml = TestScoring.defaultYaml().replace("usageCollapseAtRatio: 0.75", "usageCollapseAtRatio: 0.4");

    assertThatThrownBy(() -> ScoringConfig.fromYaml("scoring.yaml", yaml))
        .isInstanceOf(InvalidScoringConfigException.class)
        .hasMessageContaining("alerts.resolveMargins.usageCollapseAtRatio")
        .hasMessageContaining("must be >= usageCollapseRatio (0.5)");
  }

  @Test
  void shouldRefuseAMinimumOpenTimeForAnUnknownRule() {
    String yaml = TestScoring.defaultYaml().replace("minimumOpen: {}", "minimumOpen: {AT_RISKY: P1D}");

    assertThatThrownBy(() -> ScoringConfig.fromYaml("scoring.yaml", yaml))
        .isInstanceOf(InvalidScoringConfigException.class)
        .hasMessageContaining("alerts.minimumOpen.AT_RISKY")
        .hasMessageContaining("is not a rule");
  }

  @Test
  void shouldLoadFileFromPath(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("scoring.yaml");
    Files.writeString(file, BUNDLED.replace("modelVersion: \"2026.11-3\"", "modelVersion: \"2026.12-test\""));

    // when
    ScoringConfig config = ScoringConfig.load(file);

    // then
    assertThat(config.modelVersion()).isEqualTo("2026.12-test");
  }

  @Test
  void shouldUseDefaultWeightsForUnknownOrUnlistedSegment() {
    // given: SMB not listed
    ScoringConfig config = parse(BUNDLED.replaceAll("(?m)^  SMB: .*\\n", ""));

    // when / then
    assertThat(config.weightsFor(null)).isEqualTo(config.defaultWeights());
    assertThat(config.weightsFor(Segment.SMB)).isEqualTo(config.defaultWeights());
    assertThat(config.weightsFor(Segment.ENTERPRISE)).isEqualTo(new ComponentWeights(0.30, 0.25, 0.20, 0.25));
  }

  @Test
  void shouldHonourConfiguredBandThresholds() {
    ScoringConfig config = parse(BUNDLED.replace("healthyAtOrAbove: 70", "healthyAtOrAbove: 80"));

    assertThat(config.bands().bandOf(75)).isEqualTo(HealthBand.NEUTRAL);
  }

  @Test
  void shouldNameFileAndFieldOfANegativeWeight() {
    String yaml = BUNDLED.replace("SMB:        {usage: 0.40,", "SMB:        {usage: -1,");

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(InvalidScoringConfigException.class)
        .hasMessage("scoring.yaml: weights.SMB.usage: must be >= 0, was -1");
  }

  @Test
  void shouldNameFileAndFieldWhenLoadingAnInvalidFile(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("scoring.yaml");
    Files.writeString(file, BUNDLED.replace("SMB:        {usage: 0.40,", "SMB:        {usage: -1,"));

    // when / then
    assertThatThrownBy(() -> ScoringConfig.load(file))
        .hasMessage(file + ": weights.SMB.usage: must be >= 0, was -1");
  }

  @Test
  void shouldRejectSegmentWeightsThatAreAllZero() {
    String yaml = BUNDLED.replace("{usage: 0.30, support: 0.25, financial: 0.20, sentiment: 0.25}",
        "{usage: 0, support: 0, financial: 0, sentiment: 0}");

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("scoring.yaml: weights.ENTERPRISE: usage, support, financial and sentiment must not all be zero");
  }

  @Test
  void shouldRejectMissingField() {
    String yaml = BUNDLED.replace("  atRiskBelow: 40\n", "");

    assertThatThrownBy(() -> parse(yaml)).hasMessage("scoring.yaml: bands.atRiskBelow: is required");
  }

  @Test
  void shouldRejectUnknownFieldSoTyposAreNotIgnored() {
    String yaml = BUNDLED.replace("scoreDropPoints: 15", "scoreDropPonts: 15");

    assertThatThrownBy(() -> parse(yaml)).hasMessageStartingWith("scoring.yaml: alerts.scoreDropPonts: unknown field");
  }

  @Test
  void shouldLoadTheDataGapThresholdsPerSource() {
    DataGapPolicy dataGap = ScoringConfig.defaults().pipeline().dataGap();

    assertThat(dataGap.of(DataSource.USAGE)).isEqualTo(Duration.ofHours(6));
    assertThat(dataGap.of(DataSource.TICKETS)).isEqualTo(Duration.ofDays(3));
    assertThat(dataGap.of(DataSource.BILLING)).isEqualTo(Duration.ofDays(45));
    assertThat(dataGap.of(DataSource.SURVEYS)).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void shouldTakeTheDefaultDataGapOfASourceTheConfigurationLeavesOut() {
    String yaml = BUNDLED.replaceAll("(?s)  dataGap:\n.*?surveys: P30D\n", "  dataGap:\n    usage: PT2H\n");

    DataGapPolicy dataGap = parse(yaml).pipeline().dataGap();

    assertThat(dataGap.of(DataSource.USAGE)).isEqualTo(Duration.ofHours(2));
    assertThat(dataGap.of(DataSource.SURVEYS)).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void shouldRejectADataGapThatIsNotPositive() {
    String yaml = BUNDLED.replace("    usage: PT6H\n", "    usage: PT0S\n");

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("scoring.yaml: pipeline.dataGap.usage: must be a positive duration, was PT0S");
  }

  @Test
  void shouldRejectADataGapForAnUnknownSource() {
    String yaml = BUNDLED.replace("    usage: PT6H\n", "    usage: PT6H\n    costs: P30D\n");

    assertThatThrownBy(() -> parse(yaml)).hasMessage("scoring.yaml: pipeline.dataGap.costs: unknown field"
        + " (expected one of: usage, tickets, billing, surveys)");
  }

  @Test
  void shouldRejectMissingFactor() {
    String yaml = BUNDLED.replaceAll("(?s)    ces: .*?curve: \\[\\[1, 0], \\[7, 100]]\n      shrink: [^\n]*\n", "");

    assertThatThrownBy(() -> parse(yaml)).hasMessage("scoring.yaml: factors.sentiment.ces: is required");
  }

  @Test
  void shouldRejectComponentWhoseFactorWeightsAreAllZero() {
    String yaml = BUNDLED
        .replace("weight: 0.50\n", "weight: 0\n")
        .replace("weight: 0.30\n      curve: [[50, 0]", "weight: 0\n      curve: [[50, 0]")
        .replace("weight: 0.20\n      curve: [[1, 0], [7, 100]]", "weight: 0\n      curve: [[1, 0], [7, 100]]");

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("scoring.yaml: factors.sentiment: factor weights must not all be zero");
  }

  @Test
  void shouldNameThePointOfABrokenCurve() {
    String yaml = BUNDLED.replace("curve: [[0, 100], [1, 50], [2, 0]]", "curve: [[0, 100], [2, 50], [1, 0]]");

    assertThatThrownBy(() -> parse(yaml)).hasMessage(
        "scoring.yaml: factors.financial.payment_failures.curve[2]: x must be greater than the previous point's (2), was 1");
  }

  @Test
  void shouldRejectSubScoreAboveHundredInASegmentCurve() {
    String yaml = BUNDLED.replace("ENTERPRISE: [[0.5, 100], [8, 0]]", "ENTERPRISE: [[0.5, 110], [8, 0]]");

    assertThatThrownBy(() -> parse(yaml)).hasMessage(
        "scoring.yaml: factors.support.first_response_hours.segments.ENTERPRISE[0].score: must be <= 100, was 110");
  }

  @Test
  void shouldRejectCriticalWeightBelowWeight() {
    String yaml = BUNDLED.replace("criticalWeight: 4\n      curve: [[0, 100], [1, 0]]",
        "criticalWeight: 0.1\n      curve: [[0, 100], [1, 0]]");

    assertThatThrownBy(() -> parse(yaml)).hasMessage(
        "scoring.yaml: factors.financial.cancellation.criticalWeight: must be >= 0.35, was 0.1");
  }

  @Test
  void shouldRejectDurationThatIsNotIso8601() {
    String yaml = BUNDLED.replace("grace: P7D", "grace: 7 days");

    assertThatThrownBy(() -> parse(yaml)).hasMessage(
        "scoring.yaml: pipeline.grace: must be an ISO-8601 duration such as P7D or PT1H, was \"7 days\"");
  }

  @Test
  void shouldRejectZeroEmitInterval() {
    String yaml = BUNDLED.replace("emitInterval: PT0.1S", "emitInterval: PT0S");

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("scoring.yaml: pipeline.emitInterval: must be a positive duration, was PT0S");
  }

  @Test
  void shouldRejectTextWhereANumberBelongs() {
    String yaml = BUNDLED.replace("healthyAtOrAbove: 70", "healthyAtOrAbove: high");

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("scoring.yaml: bands.healthyAtOrAbove: must be a number, was \"high\"");
  }

  @Test
  void shouldRejectFractionalPaymentFailureThreshold() {
    String yaml = BUNDLED.replace("paymentFailures: 2", "paymentFailures: 1.5");

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("scoring.yaml: alerts.paymentFailures: must be a whole number, was 1.5");
  }

  @Test
  void shouldRejectAtRiskResolutionBelowTheBandSoAlertsDoNotFlap() {
    String yaml = BUNDLED.replace("atRiskResolveAtOrAbove: 45", "atRiskResolveAtOrAbove: 35");

    assertThatThrownBy(() -> parse(yaml)).hasMessage(
        "scoring.yaml: alerts.atRiskResolveAtOrAbove: must be >= bands.atRiskBelow (40), was 35");
  }

  @Test
  void shouldRejectBlankModelVersion() {
    String yaml = BUNDLED.replace("modelVersion: \"2026.11-3\"", "modelVersion: \" \"");

    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("scoring.yaml: modelVersion: is required and must not be blank");
  }

  @Test
  void shouldReportBrokenYamlWithItsPosition() {
    assertThatThrownBy(() -> parse("bands: [unclosed\n"))
        .isInstanceOf(InvalidScoringConfigException.class)
        .hasMessageStartingWith("scoring.yaml: invalid YAML at line ");
  }

  @Test
  void shouldRejectDuplicateKeys() {
    String yaml = BUNDLED.replace("  atRiskBelow: 40\n", "  atRiskBelow: 40\n  atRiskBelow: 30\n");

    assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("Duplicate field 'atRiskBelow'");
  }

  @Test
  void shouldReportEmptyAndMissingFiles(@TempDir Path dir) {
    assertThatThrownBy(() -> parse("")).hasMessage("scoring.yaml: is empty");
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ScoringConfig.load(missing)).hasMessageStartingWith(missing + ": cannot read: ");
  }

  @Test
  void shouldDescribeEffectiveConfigurationDeterministically() {
    // given
    ScoringConfig config = ScoringConfig.defaults();

    // when
    String text = config.describe();

    // then
    assertThat(text).isEqualTo(ScoringConfig.defaults().describe());
    assertThat(text.lines()).startsWith(
        "scoring model 2026.11-3",
        "bands: HEALTHY >= 70, AT_RISK < 40, NEUTRAL in between",
        "component weights (usage / support / financial / sentiment):",
        "  ENTERPRISE  0.3 / 0.25 / 0.2 / 0.25",
        "  MID_MARKET  0.35 / 0.2 / 0.2 / 0.25",
        "  SMB         0.4 / 0.15 / 0.3 / 0.15",
        "  default     0.35 / 0.2 / 0.2 / 0.25");
    assertThat(text).contains(
        "  usage.license_utilization: weight 0.3, curve [[0, 0], [0.8, 100]]\n",
        "  support.first_response_hours: weight 0.2, curve [[1, 100], [24, 0]]\n"
            + "      ENTERPRISE curve [[0.5, 100], [8, 0]]\n"
            + "      SMB curve [[4, 100], [48, 0]]\n",
        "  financial.cancellation: weight 0.35, critical 4, curve [[0, 100], [1, 0]]\n",
        "  sentiment.nps: weight 0.5, curve [[-100, 0], [100, 100]], small samples towards 20 with weight 2,"
            + " ENTERPRISE 30, MID_MARKET 25, SMB 15\n",
        "alerts: atRiskResolveAtOrAbove 45, scoreDropPoints 15, scoreDropWindow P7D, paymentFailures 2,"
            + " detractorMaxScore 6, usageCollapseRatio 0.5, usageCollapseMinWeeklyEvents 50, dormantAfter P14D, renewalWithin P60D\n"
            + "  resolve margins: SCORE_DROP below 10 points, USAGE_COLLAPSE at 0.75, RENEWAL_AT_RISK 5 points above"
            + " HEALTHY\n"
            + "  minimum open:\n"
            + "  minimum evidence for score-based rules: account age P7D, coverage 0.5\n",
        "pipeline: grace P7D, maxFutureSkew PT1H, emitInterval PT0.1S\n");
  }

  private static ScoringConfig parse(String yaml) {
    return ScoringConfig.fromYaml("scoring.yaml", yaml);
  }

  private static String bundledYaml() {
    try (InputStream in = ScoringConfigTest.class.getClassLoader().getResourceAsStream(ScoringConfig.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
