package dev.vitals.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.UsageKpis;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.Segment;
import dev.vitals.testing.TestScoring;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthModelTest {
  private static final ScoringConfig DEFAULTS = ScoringConfig.defaults();
  private final HealthModel model = new HealthModel(DEFAULTS);

  @Test
  void shouldScoreAHealthyEngagedAccountAtLeast75() {
    // when
    HealthAssessment health = model.assess(KpisBuilder.healthyAccount().build(), Segment.MID_MARKET);

    // then
    assertThat(health.score()).isGreaterThanOrEqualTo(75);
    assertThat(health.band()).isEqualTo(HealthBand.HEALTHY);
    assertThat(health.coverage()).isEqualTo(1.0);
    assertThat(health.factors()).allSatisfy(f -> assertThat(f.points()).isPositive());
    // NPS 50 of 10 respondents weighed towards the mid-market norm of 25: (10×50 + 2×25) / 12 = 45.83
    assertThat(health.factors()).extracting(Factor::detail).contains("MRR unchanged in 30 days (5,000)",
        "NPS 50 (7 promoters, 2 detractors of 10), counted as 45.83 (sample 10, norm 25)",
        "first response median 45 min (4 tickets opened in 30 days)");
  }

  @Test
  void shouldGiveTheSameScoreWithoutTheExplanationAsWithIt() {
    // The closing scores of past days use score(), the published record assess(): they must never disagree.
    for (AccountKpis kpis : List.of(KpisBuilder.healthyAccount().build(), KpisBuilder.churningAccount().build(),
        KpisBuilder.noData().build(), KpisBuilder.healthyAccount().withoutUsage().cancelled().build())) {
      for (Segment segment : new Segment[] {Segment.SMB, Segment.ENTERPRISE, null}) {
        assertThat(model.score(kpis, segment)).isEqualTo(model.assess(kpis, segment).score());
      }
    }
  }

  @Test
  void shouldScoreAChurningAccountBelow30() {
    // when
    HealthAssessment health = model.assess(KpisBuilder.churningAccount().build(), Segment.MID_MARKET);

    // then
    assertThat(health.score()).isLessThan(30);
    assertThat(health.band()).isEqualTo(HealthBand.AT_RISK);
    // both at the floor of a factor that weighs more there: usage at a fifth of its usual week, two unpaid failures
    assertThat(health.top(2)).extracting(Factor::name).containsExactlyInAnyOrder("usage_trend", "payment_failures");
  }

  /** The worked example of docs/scoring.md; every number here is derived by hand there. */
  @Test
  void shouldReproduceTheWorkedExampleOfTheDocumentation() {
    // given: a mid-market account without tickets (support has no data)
    AccountKpis kpis = KpisBuilder.noData()
        .activeUsers(22, 40).usageEvents(250, 400).keyFeatures(3, 5).apiCalls(1_000, 10).lastUsageDaysAgo(1)
        .mrr(103_000, 100_000L).renewalInDays(45)
        .nps(2, 4, 4).csat(7, 10).ces(4.0, 5)
        .build();

    // when
    HealthAssessment health = model.assess(kpis, Segment.MID_MARKET);

    // then
    assertThat(health.components()).isEqualTo(new ComponentScores(62.1, null, 91.5, 49.1));
    assertThat(health.coverage()).isEqualTo(0.8);
    assertThat(health.score()).isEqualTo(65.4);
    assertThat(health.band()).isEqualTo(HealthBand.NEUTRAL);
    assertThat(health.factors()).extracting(Factor::name, Factor::points).containsExactly(
        tuple("cancellation", 4.4),
        tuple("payment_failures", 3.7),
        tuple("usage_trend", -3.5),
        tuple("days_since_last_usage", 3.3),
        tuple("license_utilization", 2.5),
        tuple("api_error_rate", 2.2),
        tuple("mrr_change_30d", 1.7),
        tuple("nps", -1.0),
        tuple("key_feature_adoption", 0.9),
        tuple("renewal_proximity", 0.5),
        tuple("csat", 0.4),
        tuple("ces", 0.3));
    assertThat(sumOfPoints(health)).isCloseTo(health.score() - 50, within(1e-9));
  }

  @Test
  void shouldComputeExactPointsForASingleComponentAccount() {
    // given: only sentiment, no segment (norms NPS 20, CSAT 80, CES 5, each worth 2 answers); weights 0.5 / 0.3 / 0.2
    // NPS -40 of 5 → (5×-40 + 2×20) / 7 = -22.857 → 38.571;
    // CSAT 70 % of 10 → (10×70 + 2×80) / 12 = 71.667 → 54.167;
    // CES 5.5 of 2 → (2×5.5 + 2×5) / 4 = 5.25 → 70.833
    AccountKpis kpis = KpisBuilder.noData().nps(1, 1, 3).csat(7, 10).ces(5.5, 2).build();

    // when
    HealthAssessment health = model.assess(kpis, null);

    // then: sentiment = 0.5×38.571 + 0.3×54.167 + 0.2×70.833 = 49.702; it is the whole score
    assertThat(health.components()).isEqualTo(new ComponentScores(null, null, null, 49.7));
    assertThat(health.score()).isEqualTo(49.7);
    assertThat(health.coverage()).isEqualTo(0.25); // default weights: sentiment 0.25 of 1.0
    // points -5.714, 4.167, 1.25 add up to -0.298; rounded so they add up to the published -0.3
    assertThat(health.factors()).extracting(Factor::name, Factor::points, Factor::detail).containsExactly(
        tuple("nps", -5.7, "NPS -40 (1 promoter, 3 detractors of 5), counted as -22.86 (sample 5, norm 20)"),
        tuple("ces", 4.2, "CES 5.5 of 7 (2 answers), counted as 5.25 (sample 2, norm 5)"),
        tuple("csat", 1.2, "CSAT 70% satisfied (10 answers), counted as 71.67 (sample 10, norm 80)"));
  }

  @Test
  void shouldMakeRoundedPointsAddUpExactlyToTheRoundedScore() {
    for (KpisBuilder account : List.of(KpisBuilder.healthyAccount(), KpisBuilder.churningAccount(),
        KpisBuilder.healthyAccount().withoutSupport().paymentFailures(1))) {
      for (Segment segment : new Segment[] {null, Segment.ENTERPRISE, Segment.MID_MARKET, Segment.SMB}) {
        // when
        HealthAssessment health = model.assess(account.build(), segment);

        // then
        assertThat(sumOfPoints(health)).as("%s", segment).isCloseTo(health.score() - 50, within(1e-9));
        assertThat(health.factors()).allSatisfy(f ->
            assertThat(Math.round(f.points() * 10) / 10.0).isEqualTo(f.points()));
      }
    }
  }

  @Test
  void shouldLeaveOutComponentWithoutDataAndReportCoverage() {
    // given: SMB weights usage 0.40, support 0.15, financial 0.30, sentiment 0.15; no surveys
    AccountKpis full = KpisBuilder.healthyAccount().build();
    AccountKpis noSurveys = KpisBuilder.healthyAccount().withoutSentiment().build();

    // when
    HealthAssessment withAll = model.assess(full, Segment.SMB);
    HealthAssessment without = model.assess(noSurveys, Segment.SMB);

    // then: coverage = (0.40 + 0.15 + 0.30) / 1.0, the other components keep their scores
    assertThat(without.coverage()).isEqualTo(0.85);
    assertThat(without.components().sentiment()).isNull();
    assertThat(without.components().usage()).isEqualTo(withAll.components().usage());
    assertThat(without.factors()).noneMatch(f -> f.component() == Component.SENTIMENT);
    // and the score is the mean of the rest, re-weighted over 0.85
    ComponentScores c = without.components();
    double expected = (0.40 * c.usage() + 0.15 * c.support() + 0.30 * c.financial()) / 0.85;
    assertThat(without.score()).isCloseTo(expected, within(0.1));
  }

  @Test
  void shouldTreatAComponentWhoseKpisReportNoDataLikeAMissingOne() {
    // given: a usage record exists but has never seen a usage event (hasData() is false)
    AccountKpis base = KpisBuilder.healthyAccount().withoutUsage().build();
    UsageKpis empty = new UsageKpis(0, 40, 0.0, 0, 0, null, 5, 0, 0.0, 0, 0, null, null, 0, 0, false);
    AccountKpis withEmptyUsage = new AccountKpis(base.asOf(), empty, base.support(), base.financial(),
        base.sentiment());

    // when / then
    assertThat(model.assess(withEmptyUsage, Segment.ENTERPRISE)).isEqualTo(model.assess(base, Segment.ENTERPRISE));
    assertThat(model.assess(base, Segment.ENTERPRISE).coverage()).isEqualTo(0.7);
  }

  @Test
  void shouldLeaveOutFactorWithUnknownKpiAndRenormaliseInsideItsComponent() {
    // given: usage with seats unknown (no licence utilisation), trend 1.0 → 80, adoption 0.6 → 60, no API calls,
    // last usage today → 100. Available weights 0.25 + 0.20 + 0.15 = 0.60.
    AccountKpis kpis = KpisBuilder.noData()
        .activeUsers(12, null).usageEvents(100, 100).keyFeatures(3, 5).lastUsageDaysAgo(0).build();

    // when
    HealthAssessment health = model.assess(kpis, null);

    // then: usage = (0.25×80 + 0.20×60 + 0.15×100) / 0.60 = 47 / 0.6 = 78.333…
    assertThat(health.components().usage()).isEqualTo(78.3);
    assertThat(health.factors()).extracting(Factor::name)
        .containsExactlyInAnyOrder("usage_trend", "key_feature_adoption", "days_since_last_usage");
    // points: (100-50)×0.15/0.6 = 12.5, (80-50)×0.25/0.6 = 12.5, (60-50)×0.2/0.6 = 3.333…
    assertThat(health.factors()).extracting(Factor::name, Factor::points).containsExactly(
        tuple("days_since_last_usage", 12.5), tuple("usage_trend", 12.5), tuple("key_feature_adoption", 3.3));
    assertThat(health.score()).isEqualTo(78.3);
  }

  @Test
  void shouldReturnNeutralFiftyWithoutAnyData() {
    // when
    HealthAssessment health = model.assess(KpisBuilder.noData().build(), Segment.SMB);

    // then
    assertThat(health).isEqualTo(HealthAssessment.NO_DATA);
    assertThat(health.score()).isEqualTo(50.0);
    assertThat(health.band()).isEqualTo(HealthBand.NEUTRAL);
    assertThat(health.coverage()).isZero();
    assertThat(health.factors()).isEmpty();
    assertThat(model.assess(null, null)).isEqualTo(HealthAssessment.NO_DATA);
  }

  @Test
  void shouldBandTheNeutralScoreOfNoDataWithTheConfiguredThresholds() {
    // given: a team that calls 50 and above healthy
    ScoringConfig lenient = new ScoringConfig(DEFAULTS.modelVersion(), new BandThresholds(50, 40),
        DEFAULTS.weights(), DEFAULTS.defaultWeights(), DEFAULTS.factors(), DEFAULTS.alerts(), DEFAULTS.pipeline());

    // when
    HealthAssessment health = new HealthModel(lenient).assess(KpisBuilder.noData().build(), null);

    // then: still the neutral 50, but banded as everything else is
    assertThat(health.score()).isEqualTo(50.0);
    assertThat(health.band()).isEqualTo(HealthBand.HEALTHY);
  }

  @Test
  void shouldWeighComponentsBySegment() {
    // given: excellent usage (100), nothing else but a cancelled subscription
    AccountKpis kpis = KpisBuilder.noData()
        .activeUsers(40, 40).usageEvents(200, 100).keyFeatures(5, 5).apiCalls(100, 0).lastUsageDaysAgo(0)
        .mrr(0, null).cancelled()
        .build();

    // when
    HealthAssessment enterprise = model.assess(kpis, Segment.ENTERPRISE);
    HealthAssessment smb = model.assess(kpis, Segment.SMB);

    // then: financial = (4×0 + 0.30×100) / 4.30 ≈ 6.98 (cancellation is critical: weight 4 instead of 0.35)
    assertThat(enterprise.components().financial()).isEqualTo(7.0);
    // ENTERPRISE 0.30 : 0.20 → (0.30×100 + 0.20×6.977) / 0.50 = 62.79…; SMB 0.40 : 0.30 → 60.13…
    assertThat(enterprise.score()).isEqualTo(62.8);
    assertThat(smb.score()).isEqualTo(60.1);
    assertThat(enterprise.coverage()).isEqualTo(0.5);
    assertThat(smb.coverage()).isEqualTo(0.7);
  }

  @Test
  void shouldUseTheSegmentsFirstResponseExpectation() {
    // given: a 6-hour median first response, nothing else in support
    AccountKpis kpis = KpisBuilder.noData().activeUsers(60, null).ticketsOpened(3)
        .firstResponse(Duration.ofHours(6)).build();

    // when
    double enterprise = model.assess(kpis, Segment.ENTERPRISE).components().support();
    double smb = model.assess(kpis, Segment.SMB).components().support();

    // then: support also has 3 tickets for 60 active users, 0.05 each → 100 (0.25) and escalated 0 → 100 (0.10)
    // ENTERPRISE: first response (8-6)/7.5×100 = 26.67; (0.25×100 + 0.10×100 + 0.20×26.67) / 0.55 = 73.33
    // SMB: first response (48-6)/44×100 = 95.45; (35 + 0.20×95.45) / 0.55 = 98.35
    assertThat(enterprise).isEqualTo(73.3);
    assertThat(smb).isEqualTo(98.3);
  }

  @Test
  void shouldPullFinancialNearZeroWhenCancelled() {
    // given: cancelled this month, MRR from 2,000 to 0, no payment failures, renewal far away
    AccountKpis kpis = KpisBuilder.noData().mrr(0, 200_000L).cancelled().renewalInDays(200).build();

    // when
    HealthAssessment health = model.assess(kpis, null);

    // then: (4×0 + 0.30×100 + 0.25×0 + 0.10×100) / (4 + 0.30 + 0.25 + 0.10) = 40 / 4.65 = 8.6
    assertThat(health.components().financial()).isEqualTo(8.6);
    assertThat(health.factors().get(0).detail()).isEqualTo("subscription cancelled");
  }

  @Test
  void shouldPullFinancialNearZeroOnTwoPaymentFailures() {
    // given: otherwise a steady paying account
    AccountKpis kpis = KpisBuilder.noData().mrr(100_000, 100_000L).paymentFailures(2).renewalInDays(200).build();

    // when
    HealthAssessment health = model.assess(kpis, null);

    // then: (0.35×100 + 8×0 + 0.25×75 + 0.10×100) / 8.70 = 63.75 / 8.70 = 7.33
    assertThat(health.components().financial()).isEqualTo(7.3);
    assertThat(health.factors().get(0).detail()).isEqualTo("2 payment failures in 30 days");
  }

  @Test
  void shouldSortFactorsByImpactThenNameAndReturnTheTopN() {
    // when
    HealthAssessment health = model.assess(KpisBuilder.churningAccount().build(), Segment.SMB);

    // then
    List<Factor> factors = health.factors();
    for (int i = 1; i < factors.size(); i++) {
      Factor before = factors.get(i - 1);
      Factor after = factors.get(i);
      assertThat(Math.abs(before.points())).isGreaterThanOrEqualTo(Math.abs(after.points()));
      if (Math.abs(before.points()) == Math.abs(after.points())) {
        assertThat(before.name()).isLessThan(after.name());
      }
    }
    assertThat(health.top(3)).containsExactlyElementsOf(factors.subList(0, 3));
    assertThat(health.top(100)).isEqualTo(factors);
  }

  @Test
  void shouldExplainEveryFactorInWords() {
    // when
    HealthAssessment health = model.assess(KpisBuilder.churningAccount().build(), Segment.MID_MARKET);

    // then
    Map<String, String> details = health.factors().stream()
        .collect(java.util.stream.Collectors.toMap(Factor::name, Factor::detail));
    assertThat(details).containsOnly(
        Map.entry("license_utilization", "license utilisation 10% (3/30 seats)"),
        Map.entry("usage_trend", "usage over 7 days at 20% of the prior weekly average (40 vs 200 events),"
            + " counted as 0.3 (sample 200, norm 1)"),
        Map.entry("key_feature_adoption", "key-feature adoption 20% (1/5 features in 30 days)"),
        Map.entry("days_since_last_usage", "last usage 4 days ago, 3 active users in 30 days"),
        Map.entry("tickets_per_active_user", "5 tickets opened in 30 days for 3 active users (1.67 per user)"),
        Map.entry("escalated_tickets", "1 escalated open ticket"),
        Map.entry("first_response_hours", "first response median 20.0 h (5 tickets opened in 30 days)"),
        Map.entry("resolution_hours", "resolution median 120.0 h (3 tickets resolved in 30 days)"),
        Map.entry("first_contact_resolution", "first contact resolution 33% of 3 tickets resolved in 30 days,"
            + " counted as 0.52 (sample 3, norm 0.7)"),
        Map.entry("cancellation", "subscription cancelled"),
        Map.entry("payment_failures", "2 payment failures in 30 days"),
        Map.entry("mrr_change_30d", "MRR -100% in 30 days (2,000 to 0)"),
        Map.entry("renewal_proximity", "renewal in 20 days (2026-11-22)"),
        Map.entry("nps", "NPS -80 (0 promoters, 4 detractors of 5), counted as -50 (sample 5, norm 25)"),
        Map.entry("csat", "CSAT 40% satisfied (5 answers), counted as 51.43 (sample 5, norm 80)"),
        Map.entry("ces", "CES 2.5 of 7 (4 answers), counted as 3.33 (sample 4, norm 5)"));
    assertThat(health.factors()).allSatisfy(f -> assertThat(f.component()).isEqualTo(
        FactorId.valueOf(f.name().toUpperCase(java.util.Locale.ROOT)).component()));
  }

  @Test
  void shouldBandOnThePublishedScoreWithConfiguredThresholds() {
    // given: the worked example scores 65.4; a team that calls 65 healthy
    ScoringConfig lenient = new ScoringConfig(DEFAULTS.modelVersion(), new BandThresholds(65, 40),
        DEFAULTS.weights(), DEFAULTS.defaultWeights(), DEFAULTS.factors(), DEFAULTS.alerts(), DEFAULTS.pipeline());
    AccountKpis kpis = KpisBuilder.noData()
        .activeUsers(22, 40).usageEvents(250, 400).keyFeatures(3, 5).apiCalls(1_000, 10).lastUsageDaysAgo(1)
        .mrr(103_000, 100_000L).renewalInDays(45)
        .nps(2, 4, 4).csat(7, 10).ces(4.0, 5)
        .build();

    // when / then
    assertThat(model.assess(kpis, Segment.MID_MARKET).band()).isEqualTo(HealthBand.NEUTRAL);
    assertThat(new HealthModel(lenient).assess(kpis, Segment.MID_MARKET).band()).isEqualTo(HealthBand.HEALTHY);
  }

  @Test
  void shouldScoreExactlyOnTheBandBoundaries() {
    // given: only NPS, taken as it is (no small-sample weighing), so score = NPS sub-score = (NPS + 100) / 2;
    // NPS 40 → 70, NPS -20 → 40
    HealthModel model = new HealthModel(TestScoring.fromDefaultReplacing(TestScoring.npsAsAnswered()));
    AccountKpis seventy = KpisBuilder.noData().nps(6, 2, 2).build();
    AccountKpis forty = KpisBuilder.noData().nps(2, 4, 4).build();

    // when / then
    assertThat(model.assess(seventy, null)).extracting(HealthAssessment::score, HealthAssessment::band)
        .containsExactly(70.0, HealthBand.HEALTHY);
    assertThat(model.assess(forty, null)).extracting(HealthAssessment::score, HealthAssessment::band)
        .containsExactly(40.0, HealthBand.NEUTRAL);
  }

  private static double sumOfPoints(HealthAssessment health) {
    return health.factors().stream().mapToDouble(Factor::points).sum();
  }
}
