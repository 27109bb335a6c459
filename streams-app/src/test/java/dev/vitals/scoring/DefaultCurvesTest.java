package dev.vitals.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitals.schema.Segment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins every bundled curve at a few points, computed by hand from the straight lines in scoring.yaml. */
class DefaultCurvesTest {
  private static final ScoringConfig DEFAULTS = ScoringConfig.defaults();

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource({
      // licence utilisation: 0 → 0, 0.8 → 100
      "LICENSE_UTILIZATION, 0.0, 0",
      "LICENSE_UTILIZATION, 0.1, 12.5",
      "LICENSE_UTILIZATION, 0.4, 50",
      "LICENSE_UTILIZATION, 0.8, 100",
      "LICENSE_UTILIZATION, 1.2, 100",
      // usage trend: 0.55 → 0, 1.0 → 80, 1.25 → 100
      "USAGE_TREND, 0.2, 0",
      "USAGE_TREND, 0.55, 0",
      "USAGE_TREND, 0.775, 40",
      "USAGE_TREND, 1.0, 80",
      "USAGE_TREND, 1.125, 90",
      "USAGE_TREND, 3.0, 100",
      // key-feature adoption: linear 0 → 0, 1 → 100
      "KEY_FEATURE_ADOPTION, 0.6, 60",
      "KEY_FEATURE_ADOPTION, 0.8, 80",
      // API error rate: 1 % → 100, 10 % → 0
      "API_ERROR_RATE, 0.0, 100",
      "API_ERROR_RATE, 0.055, 50",
      "API_ERROR_RATE, 0.2, 0",
      // days since last usage: 1 → 100, 14 → 0
      "DAYS_SINCE_LAST_USAGE, 0, 100",
      "DAYS_SINCE_LAST_USAGE, 1, 100",
      "DAYS_SINCE_LAST_USAGE, 7.5, 50",
      "DAYS_SINCE_LAST_USAGE, 14, 0",
      // tickets opened in 30 days per active user: 0.05 → 100, 0.25 → 0
      "TICKETS_PER_ACTIVE_USER, 0, 100",
      "TICKETS_PER_ACTIVE_USER, 0.15, 50",
      "TICKETS_PER_ACTIVE_USER, 1, 0",
      // escalated open tickets: 0 → 100, 3 → 0
      "ESCALATED_TICKETS, 1, 66.66666666666667",
      "ESCALATED_TICKETS, 3, 0",
      // first response (hours), no segment: 1 → 100, 24 → 0
      "FIRST_RESPONSE_HOURS, 0.5, 100",
      "FIRST_RESPONSE_HOURS, 12.5, 50",
      "FIRST_RESPONSE_HOURS, 24, 0",
      // resolution (hours), no segment: 24 → 100, 168 → 0
      "RESOLUTION_HOURS, 96, 50",
      // FCR: 0.2 → 0, 0.8 → 100
      "FIRST_CONTACT_RESOLUTION, 0.5, 50",
      "FIRST_CONTACT_RESOLUTION, 0.75, 91.66666666666667",
      // cancellation: 0 → 100, 1 → 0
      "CANCELLATION, 0, 100",
      "CANCELLATION, 1, 0",
      // payment failures: 0 → 100, 1 → 50, 2 → 0
      "PAYMENT_FAILURES, 0, 100",
      "PAYMENT_FAILURES, 1, 50",
      "PAYMENT_FAILURES, 2, 0",
      "PAYMENT_FAILURES, 5, 0",
      // MRR change: -50 % → 0, 0 → 75, +25 % → 100
      "MRR_CHANGE_30D, -1.0, 0",
      "MRR_CHANGE_30D, -0.25, 37.5",
      "MRR_CHANGE_30D, 0.0, 75",
      "MRR_CHANGE_30D, 0.1, 85",
      // renewal: 0 days → 40, 90 days → 100 (mild: never below 40)
      "RENEWAL_PROXIMITY, -10, 40",
      "RENEWAL_PROXIMITY, 45, 70",
      "RENEWAL_PROXIMITY, 365, 100",
      // NPS: linear -100 → 0, 100 → 100
      "NPS, -100, 0",
      "NPS, -40, 30",
      "NPS, 0, 50",
      "NPS, 50, 75",
      "NPS, 100, 100",
      // CSAT %: 50 → 0, 90 → 100
      "CSAT, 70, 50",
      "CSAT, 90, 100",
      // CES: linear 1 → 0, 7 → 100
      "CES, 4, 50",
      "CES, 5.5, 75",
  })
  void shouldMapKpiToSubScoreAsDocumented(FactorId factor, double kpi, double expectedSubScore) {
    assertThat(DEFAULTS.factor(factor).curveFor(null).scoreAt(kpi)).isCloseTo(expectedSubScore, within(1e-9));
  }

  @ParameterizedTest(name = "{0} first response {1} h = {2}")
  @CsvSource({
      // an enterprise expects an answer within half an hour; 8 h is a failure
      "ENTERPRISE, 0.5, 100",
      "ENTERPRISE, 4.25, 50",
      "ENTERPRISE, 8, 0",
      // mid-market uses the default curve
      "MID_MARKET, 12.5, 50",
      // a small business is content within 4 h; 48 h is a failure
      "SMB, 4, 100",
      "SMB, 26, 50",
      "SMB, 48, 0",
  })
  void shouldExpectFasterFirstResponseFromLargerSegments(Segment segment, double hours, double expected) {
    assertThat(DEFAULTS.factor(FactorId.FIRST_RESPONSE_HOURS).curveFor(segment).scoreAt(hours))
        .isCloseTo(expected, within(1e-9));
  }

  @ParameterizedTest(name = "{0} resolution {1} h = {2}")
  @CsvSource({"ENTERPRISE, 40, 50", "MID_MARKET, 96, 50", "SMB, 144, 50"})
  void shouldExpectFasterResolutionFromLargerSegments(Segment segment, double hours, double expected) {
    assertThat(DEFAULTS.factor(FactorId.RESOLUTION_HOURS).curveFor(segment).scoreAt(hours))
        .isCloseTo(expected, within(1e-9));
  }
}
