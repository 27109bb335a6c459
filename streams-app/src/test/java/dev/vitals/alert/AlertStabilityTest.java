package dev.vitals.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.UsageKpis;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthBand;
import dev.vitals.scoring.KpisBuilder;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.testing.TestScoring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * No flapping, no verdicts on thin data (issue 13), in plain Java: the rules see only the inputs built here. The
 * bundled resolve margins (SCORE_DROP under 10 points, USAGE_COLLAPSE at 75 %, RENEWAL_AT_RISK 5 points into
 * HEALTHY) act on the closing values of past days; minimum open times are switched on here (off by default).
 */
class AlertStabilityTest {
  private static final ScoringConfig CONFIG = TestScoring.fromDefaultReplacing(TestScoring.withAlertStability());
  private static final ScoringConfig BUNDLED = TestScoring.fromDefaultReplacing();
  private final AlertRules rules = new AlertRules(CONFIG.alerts(), CONFIG.bands());
  private final AlertRules bundled = new AlertRules(BUNDLED.alerts(), BUNDLED.bands());
  /** KPIs of a paying account renewing in 30 days; each test sets the score it is about. */
  private final AccountKpis renewalIn30Days = KpisBuilder.healthyAccount().renewalInDays(30).build();

  @Test
  void shouldKeepRenewalAtRiskOpenWhileTheClosingScoreHoversJustInsideHealthy() {
    // closes, newest first: 72 yesterday, 68 the day before (not HEALTHY: raised at that close)
    assertThat(bundled.holding(inputs(renewalIn30Days, 73, closes(72, 68, 80)))).containsKey(AlertRule.RENEWAL_AT_RISK);
    assertThat(bundled.holding(inputs(renewalIn30Days, 73, closes(75, 68, 80))))
        .as("a close at 75 resolves it").doesNotContainKey(AlertRule.RENEWAL_AT_RISK);
  }

  @Test
  void shouldRaiseRenewalAtRiskOnceWhileTheScoreHoversAroundHealthyForTwoWeeks() {
    double[] dailyCloses = {74, 69, 71, 72, 69, 70, 73, 68, 71, 72, 74, 69, 71, 73};

    List<Boolean> verdicts = dailyVerdicts(dailyCloses, AlertRule.RENEWAL_AT_RISK);

    assertThat(transitions(verdicts)).as("one raise, never resolved while under 75: %s", verdicts).isEqualTo(1);
  }

  @Test
  void shouldDecideTheSameWhetherOrNotAnEarlierEvaluationHadTheAlertOpen() {
    // An evaluation that caught the score at 68 for an hour raised it; one batched past that hour did not. With the
    // same closes and the same score now, both decide alike: the margin reads closes, not the open flag.
    AlertInputs sawTheDip = inputs(renewalIn30Days, 72, closes(73, 74), open(AlertRule.RENEWAL_AT_RISK, 0));
    AlertInputs missedIt = inputs(renewalIn30Days, 72, closes(73, 74), Map.of());

    assertThat(bundled.holding(sawTheDip).keySet()).isEqualTo(bundled.holding(missedIt).keySet())
        .doesNotContain(AlertRule.RENEWAL_AT_RISK);
  }

  @Test
  void shouldKeepAnAlertOpenForItsRulesMinimumTime() {
    // raised 2 days ago; the closes are back at 80, well past the margin, but RENEWAL_AT_RISK stays open a week
    assertThat(rules.holding(inputs(renewalIn30Days, 80, closes(80, 80), open(AlertRule.RENEWAL_AT_RISK, 2))))
        .containsKey(AlertRule.RENEWAL_AT_RISK);
    assertThat(rules.holding(inputs(renewalIn30Days, 80, closes(80, 80), open(AlertRule.RENEWAL_AT_RISK, 7))))
        .doesNotContainKey(AlertRule.RENEWAL_AT_RISK);
  }

  @Test
  void shouldResolveAtOnceWhenWhatTheAlertIsAboutHasEnded() {
    AccountKpis cancelled = KpisBuilder.healthyAccount().renewalInDays(30).cancelled().build();

    assertThat(rules.holding(inputs(cancelled, 50, closes(50, 50), open(AlertRule.RENEWAL_AT_RISK, 1))))
        .doesNotContainKey(AlertRule.RENEWAL_AT_RISK);
  }

  @Test
  void shouldResolveScoreDropOnlyAtACloseWhereTheFallIsUnderTenPoints() {
    // peak 82 three days ago; closed 66 two days ago (a 16-point fall: raised), then 70 (12) and 73 (9)
    AlertInputs fell12 = inputs(renewalFarAway(), 73, closes(70, 66, 82, 80));
    AlertInputs fell9 = inputs(renewalFarAway(), 70, closes(73, 70, 66, 82, 80));

    assertThat(bundled.holding(fell12)).containsKey(AlertRule.SCORE_DROP);
    assertThat(bundled.holding(fell9)).doesNotContainKey(AlertRule.SCORE_DROP);
  }

  @Test
  void shouldKeepUsageCollapseOpenUntilAClosesBackAtThreeQuarters() {
    IntFunction<UsageKpis> collapsedThenSixty = usageCloses(0.6, 0.4, 1.0);
    IntFunction<UsageKpis> collapsedThenEighty = usageCloses(0.8, 0.6, 0.4, 1.0);
    IntFunction<UsageKpis> neverUnderHalf = usageCloses(0.6, 0.7, 1.0);

    assertThat(bundled.holding(inputs(renewalFarAway(), 80, closes(80, 80, 80), collapsedThenSixty)))
        .containsKey(AlertRule.USAGE_COLLAPSE);
    assertThat(bundled.holding(inputs(renewalFarAway(), 80, closes(80, 80, 80, 80), collapsedThenEighty)))
        .doesNotContainKey(AlertRule.USAGE_COLLAPSE);
    assertThat(bundled.holding(inputs(renewalFarAway(), 80, closes(80, 80, 80), neverUnderHalf)))
        .doesNotContainKey(AlertRule.USAGE_COLLAPSE);
  }

  @Test
  void shouldNotRaiseScoreBasedAlertsForAnAccountYoungerThanAWeek() {
    // not HEALTHY at every close, with a 20-point fall at the last one
    List<Double> closes = closes(40, 60, 60, 60);
    AlertInputs secondDay = new AlertInputs(renewalIn30Days, 20, HealthBand.AT_RISK, 60.0, List.of(), 0,
        Duration.ofDays(2), closes, back -> null, Map.of(), Duration.ofDays(1), 1.0);
    AlertInputs ninthDay = new AlertInputs(renewalIn30Days, 20, HealthBand.AT_RISK, 60.0, List.of(), 0,
        Duration.ofDays(9), closes, back -> null, Map.of(), Duration.ofDays(9), 1.0);

    assertThat(bundled.holding(secondDay)).doesNotContainKeys(AlertRule.AT_RISK, AlertRule.SCORE_DROP,
        AlertRule.RENEWAL_AT_RISK);
    assertThat(bundled.holding(ninthDay)).containsKeys(AlertRule.AT_RISK, AlertRule.SCORE_DROP,
        AlertRule.RENEWAL_AT_RISK);
  }

  @Test
  void shouldNotRaiseScoreBasedAlertsOnAScoreThatCoversLessThanHalfTheModel() {
    AlertInputs thin = new AlertInputs(renewalIn30Days, 20, HealthBand.AT_RISK, 60.0, List.of(), 0, Duration.ofDays(90),
        closes(40, 60, 60), back -> null, Map.of(), Duration.ofDays(90), 0.25);

    assertThat(bundled.holding(thin)).doesNotContainKeys(AlertRule.AT_RISK, AlertRule.SCORE_DROP,
        AlertRule.RENEWAL_AT_RISK);
    // an AT_RISK alert already open is never resolved for want of evidence
    AlertInputs thinButOpen = new AlertInputs(renewalIn30Days, 20, HealthBand.AT_RISK, 60.0, List.of(), 0,
        Duration.ofDays(90), closes(40, 60, 60), back -> null, open(AlertRule.AT_RISK, 10), Duration.ofDays(90), 0.25);
    assertThat(bundled.holding(thinButOpen)).containsKey(AlertRule.AT_RISK);
  }

  /** The verdict on each day of {@code dailyCloses}, each decided on the closes before it (a week kept). */
  private List<Boolean> dailyVerdicts(double[] dailyCloses, AlertRule rule) {
    List<Boolean> verdicts = new ArrayList<>();
    for (int day = 1; day < dailyCloses.length; day++) {
      double[] before = Arrays.copyOfRange(dailyCloses, Math.max(0, day - 7), day);
      List<Double> newestFirst = new ArrayList<>();
      for (double close : before) {
        newestFirst.add(close);
      }
      Collections.reverse(newestFirst);
      verdicts.add(bundled.holding(inputs(renewalIn30Days, dailyCloses[day], newestFirst)).containsKey(rule));
    }
    return verdicts;
  }

  private static int transitions(List<Boolean> verdicts) {
    int transitions = 0;
    boolean open = false;
    for (boolean verdict : verdicts) {
      transitions += verdict != open ? 1 : 0;
      open = verdict;
    }
    return transitions;
  }

  private AlertInputs inputs(AccountKpis kpis, double score, List<Double> closes) {
    return inputs(kpis, score, closes, Map.of());
  }

  private AlertInputs inputs(AccountKpis kpis, double score, List<Double> closes, Map<AlertRule, Duration> open) {
    return inputs(kpis, score, closes, back -> null, open);
  }

  private AlertInputs inputs(AccountKpis kpis, double score, List<Double> closes, IntFunction<UsageKpis> usage) {
    return inputs(kpis, score, closes, usage, Map.of());
  }

  private AlertInputs inputs(AccountKpis kpis, double score, List<Double> closes, IntFunction<UsageKpis> usage,
      Map<AlertRule, Duration> open) {
    HealthBand band = CONFIG.bands().bandOf(score);
    Double peak = closes.stream().max(Double::compare).orElse(null);
    return new AlertInputs(kpis, score, band, peak, List.of(), 0, Duration.ofDays(200), closes, usage, open,
        Duration.ofDays(200), 1.0);
  }

  private static List<Double> closes(double... newestFirst) {
    return Arrays.stream(newestFirst).boxed().toList();
  }

  /** Usage KPIs at past closes with these trends (newest first) on a baseline of 100 events a week. */
  private static IntFunction<UsageKpis> usageCloses(double... trendsNewestFirst) {
    return back -> back > trendsNewestFirst.length ? null
        : KpisBuilder.healthyAccount().usageEvents(Math.round(100 * trendsNewestFirst[back - 1]), 100).build().usage();
  }

  private static AccountKpis renewalFarAway() {
    return KpisBuilder.healthyAccount().renewalInDays(200).build();
  }

  private static Map<AlertRule, Duration> open(AlertRule rule, int daysAgo) {
    return Map.of(rule, Duration.ofDays(daysAgo));
  }
}
