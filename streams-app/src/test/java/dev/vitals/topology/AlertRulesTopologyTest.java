package dev.vitals.topology;

import static dev.vitals.testing.AlertAssertions.assertAtMostOneOpenPerAccountAndRule;
import static dev.vitals.testing.AlertAssertions.ofRule;
import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.Segment;
import dev.vitals.schema.Severity;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.UsageKind;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.testing.PipelineDriver;
import dev.vitals.testing.TestScoring;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The eight churn-risk rules of SPEC §4 through the topology: raised with rule, severity and a reason naming the
 * number that tripped it; not raised again while the condition keeps holding; resolved with the alertId it was
 * raised with. Every test also checks that alerts alternate per account and rule.
 */
class AlertRulesTopologyTest {
  private final List<ChurnAlert> everyAlert = new ArrayList<>();
  private PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    assertAtMostOneOpenPerAccountAndRule(everyAlert);
    pipeline.close();
  }

  /** The alerts emitted since the last call, remembered for the alternation check. */
  private List<ChurnAlert> newAlerts() {
    List<ChurnAlert> alerts = pipeline.alerts();
    everyAlert.addAll(alerts);
    return alerts;
  }

  private List<ChurnAlert> newAlerts(AlertRule rule) {
    return ofRule(newAlerts(), rule);
  }

  private void useScoring(ScoringConfig config) {
    pipeline.close();
    pipeline = new PipelineDriver(config);
  }

  /** {@code satisfied} CSAT 5s and {@code unsatisfied} CSAT 1s, a second apart from {@code from}. */
  private void csat(String from, int satisfied, int unsatisfied) {
    Instant at = Instant.parse(from);
    for (int i = 0; i < satisfied + unsatisfied; i++) {
      pipeline.send(answer("acme", at.plusSeconds(i).toString(), "r" + i, SurveyKind.CSAT, i < satisfied ? 5 : 1));
    }
  }

  @Test
  void shouldRaiseAtRiskForADipThatNoEvaluationSaw() {
    useScoring(TestScoring.csatIsTheScore());

    // Day 1: 3 of 10 satisfied = 30. Day 2: 8 more satisfied and 8 more not = 11 of 26 = 42.3. One evaluation only,
    // after both days (as a batch in the live pipeline would): the dip is found in the recomputed daily scores.
    csat("2026-03-01T10:00:00Z", 3, 7);
    csat("2026-03-02T10:00:00Z", 8, 8);
    pipeline.flush();

    assertThat(newAlerts(AlertRule.AT_RISK)).singleElement()
        .satisfies(alert -> assertThat(alert.getScore()).isEqualTo(42.3));
  }

  @Test
  void shouldRaiseAtRiskBelow40KeepItOpenAt42AndResolveItAt45AfterADay() {
    useScoring(TestScoring.csatIsTheScore()); // score = CSAT %

    csat("2026-03-02T10:00:00Z", 2, 4);        // 2 / 6 = 33.3
    pipeline.flush();
    List<ChurnAlert> raised = newAlerts(AlertRule.AT_RISK);
    csat("2026-03-02T11:00:00Z", 1, 0);        // 3 / 7 = 42.9
    pipeline.flush();
    AccountHealth at42 = pipeline.latestHealth().get("acme");
    List<ChurnAlert> at42Alerts = newAlerts(AlertRule.AT_RISK);
    csat("2026-03-02T12:00:00Z", 1, 1);        // 4 / 9 = 44.4
    pipeline.flush();
    List<ChurnAlert> at44Alerts = newAlerts(AlertRule.AT_RISK);
    csat("2026-03-03T13:00:00Z", 5, 6);        // 9 / 20 = 45.0, a day after it was raised (AT_RISK's minimum)
    pipeline.flush();
    List<ChurnAlert> resolved = newAlerts(AlertRule.AT_RISK);

    assertThat(raised).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
      assertThat(alert.getScore()).isEqualTo(33.3);
      assertThat(alert.getReason()).contains("33.3");
    });
    assertThat(at42.getScore()).isEqualTo(42.9);
    assertThat(at42.getBand()).isEqualTo(HealthBand.NEUTRAL);
    assertThat(at42.getOpenAlerts()).contains(AlertRule.AT_RISK);
    assertThat(at42Alerts).isEmpty();
    assertThat(at44Alerts).isEmpty();
    assertThat(resolved).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getScore()).isEqualTo(45.0);
      assertThat(alert.getAlertId()).isEqualTo(raised.get(0).getAlertId());
    });
  }

  @Test
  void shouldRaiseScoreDropTheDayAfterACloseFifteenPointsUnderThePeakAndResolveAtACloseUnderTen() {
    useScoring(TestScoring.csatIsTheScore());

    csat("2026-03-01T10:00:00Z", 17, 0);       // 17 / 17 = 100, the close of 03-01 to 03-07
    pipeline.flush();
    csat("2026-03-08T10:00:00Z", 0, 2);        // 17 / 19 = 89.5
    csat("2026-03-08T11:00:00Z", 0, 1);        // 17 / 20 = 85.0: 15 under the week's peak, but the day is not over
    pipeline.flush();
    List<ChurnAlert> sameDay = newAlerts(AlertRule.SCORE_DROP);
    csat("2026-03-09T12:00:00Z", 1, 0);        // 18 / 21 = 85.7; 03-08 closed at 85.0
    pipeline.flush();
    List<ChurnAlert> nextDay = newAlerts(AlertRule.SCORE_DROP);
    csat("2026-03-10T12:00:00Z", 0, 1);        // 18 / 22 = 81.8; 03-09 closed 14.3 under the peak: still open
    pipeline.flush();
    List<ChurnAlert> stillFallen = newAlerts(AlertRule.SCORE_DROP);
    // from 03-11 on, every close of the week before 03-18 is 81.8: no fall from a peak inside it
    csat("2026-03-18T12:00:00Z", 1, 0);
    pipeline.flush();
    List<ChurnAlert> recovered = newAlerts(AlertRule.SCORE_DROP);

    assertThat(sameDay).isEmpty();
    assertThat(nextDay).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
      assertThat(alert.getReason()).contains("15.0").contains("85.0");
    });
    assertThat(stillFallen).isEmpty();
    assertThat(recovered).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getAlertId()).isEqualTo(nextDay.get(0).getAlertId());
    });
  }

  @Test
  void shouldRaiseScoreDropForAFallFromAPeakInsideTheWeek() {
    useScoring(TestScoring.csatIsTheScore());

    csat("2026-03-01T10:00:00Z", 1, 1);        // 1 / 2 = 50
    pipeline.flush();
    csat("2026-03-04T10:00:00Z", 8, 0);        // 9 / 10 = 90
    pipeline.flush();
    csat("2026-03-07T10:00:00Z", 0, 2);        // 9 / 12 = 75: down 15 points in 3 days
    csat("2026-03-08T10:00:00Z", 1, 0);        // the next day: 03-07 closed at 75
    pipeline.flush();

    assertThat(newAlerts(AlertRule.SCORE_DROP)).singleElement()
        .satisfies(alert -> assertThat(alert.getState()).isEqualTo(AlertState.RAISED));
  }

  @Test
  void shouldHonourTheConfiguredScoreDropWindow() {
    useScoring(TestScoring.fromDefaultReplacing(TestScoring.withoutMinimumEvidence(
        "curve: [[50, 0], [90, 100]]", "curve: [[0, 0], [100, 100]]",
        "      shrink: {toward: 80, weight: 2}\n", "",
        "scoreDropWindow: P7D", "scoreDropWindow: P3D")));

    csat("2026-03-01T10:00:00Z", 17, 0);       // 100
    pipeline.flush();
    csat("2026-03-04T10:00:00Z", 0, 3);        // 17 / 20 = 85: down 15 in 3 days
    csat("2026-03-05T10:00:00Z", 1, 0);        // the next day: 03-04 closed at 85
    pipeline.flush();

    assertThat(newAlerts(AlertRule.SCORE_DROP)).singleElement()
        .satisfies(alert -> assertThat(alert.getState()).isEqualTo(AlertState.RAISED));
  }

  @Test
  void shouldRaisePaymentFailuresAtTwoUnpaidFailuresAndResolveWhenAnInvoiceIsPaid() {
    pipeline.send(subscribed("acme", "2026-03-01T00:00:00Z", 50_000, 10, "2027-03-01"),
        billingStep("2026-03-05T00:00:00Z", BillingEventKind.PAYMENT_FAILED)).flush();
    List<ChurnAlert> afterOne = newAlerts(AlertRule.PAYMENT_FAILURES);
    pipeline.send(billingStep("2026-03-06T00:00:00Z", BillingEventKind.PAYMENT_FAILED)).flush();
    List<ChurnAlert> afterTwo = newAlerts(AlertRule.PAYMENT_FAILURES);
    pipeline.send(billingStep("2026-03-07T00:00:00Z", BillingEventKind.PAYMENT_FAILED)).flush();
    List<ChurnAlert> afterThree = newAlerts(AlertRule.PAYMENT_FAILURES);
    pipeline.send(billingStep("2026-03-08T00:00:00Z", BillingEventKind.INVOICE_PAID)).flush();
    List<ChurnAlert> afterPaid = newAlerts(AlertRule.PAYMENT_FAILURES);

    assertThat(afterOne).isEmpty();
    assertThat(afterTwo).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
      assertThat(alert.getReason()).startsWith("2 payment failures");
    });
    assertThat(afterThree).isEmpty();
    assertThat(afterPaid).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getAlertId()).isEqualTo(afterTwo.get(0).getAlertId());
    });
  }

  @Test
  void shouldRaiseDetractorOnAnNpsAnswerOf0To6AndResolveWhenNoDetractorRemains() {
    pipeline.send(profile("acme", "2026-03-01T00:00:00Z", Segment.ENTERPRISE).build(),
        answer("acme", "2026-03-01T10:00:00Z", "r0", SurveyKind.NPS, 7)).flush();
    List<ChurnAlert> afterPassive = newAlerts(AlertRule.DETRACTOR);
    pipeline.send(answer("acme", "2026-03-02T10:00:00Z", "r1", SurveyKind.NPS, 6)).flush();
    List<ChurnAlert> afterDetractor = newAlerts(AlertRule.DETRACTOR);
    pipeline.send(answer("acme", "2026-03-03T10:00:00Z", "r2", SurveyKind.NPS, 0)).flush();
    List<ChurnAlert> afterSecond = newAlerts(AlertRule.DETRACTOR);
    pipeline.send(answer("acme", "2026-03-04T10:00:00Z", "r1", SurveyKind.NPS, 9)).flush();
    List<ChurnAlert> afterOneWonBack = newAlerts(AlertRule.DETRACTOR);
    pipeline.send(answer("acme", "2026-03-05T10:00:00Z", "r2", SurveyKind.NPS, 10)).flush();
    List<ChurnAlert> afterBothWonBack = newAlerts(AlertRule.DETRACTOR);

    assertThat(afterPassive).isEmpty();
    assertThat(afterDetractor).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.INFO);
      assertThat(alert.getReason()).contains("r1").contains("answered 6");
      assertThat(alert.getSegment()).isEqualTo(Segment.ENTERPRISE);
      assertThat(alert.getCsm()).isEqualTo("csm-acme");
    });
    assertThat(afterSecond).isEmpty();
    assertThat(afterOneWonBack).isEmpty();
    assertThat(afterBothWonBack).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getAlertId()).isEqualTo(afterDetractor.get(0).getAlertId());
    });
  }

  @Test
  void shouldRaiseUsageCollapseTheDayAfterACloseUnderHalfThePriorAverageAndResolveAtACloseAtThreeQuarters() {
    useScoring(TestScoring.fromDefaultReplacing(TestScoring.withAlertStability()));
    // D = 2026-04-28; the 28 days before its last 7 (03-25 .. 04-21) hold 400 events = 100 a week
    pipeline.send(
        usage("acme", "2026-03-25T12:00:00Z", UsageKind.LOGIN).setCount(100).build(),
        usage("acme", "2026-04-05T12:00:00Z", UsageKind.LOGIN).setCount(100).build(),
        usage("acme", "2026-04-15T12:00:00Z", UsageKind.LOGIN).setCount(100).build(),
        usage("acme", "2026-04-21T12:00:00Z", UsageKind.LOGIN).setCount(100).build(),
        usage("acme", "2026-04-28T09:00:00Z", UsageKind.LOGIN).setCount(40).build()) // 40 / 100 = 40 %
        .flush();
    List<ChurnAlert> sameDay = newAlerts(AlertRule.USAGE_COLLAPSE);
    pipeline.send(usage("acme", "2026-04-29T10:00:00Z", UsageKind.LOGIN).setCount(1).build()).flush();
    List<ChurnAlert> nextDay = newAlerts(AlertRule.USAGE_COLLAPSE);
    // 04-29 .. 04-30 closed at 41 against 75 a week (03-27 .. 04-23 hold 300): 55 %, above half, under three quarters
    pipeline.send(usage("acme", "2026-05-01T10:00:00Z", UsageKind.LOGIN).setCount(19).build()).flush();
    List<ChurnAlert> underThreeQuarters = newAlerts(AlertRule.USAGE_COLLAPSE);
    // 05-01 closed at 60 in the last 7 days against 75 a week: 80 %
    pipeline.send(usage("acme", "2026-05-02T10:00:00Z", UsageKind.LOGIN).setCount(1).build()).flush();
    List<ChurnAlert> recovered = newAlerts(AlertRule.USAGE_COLLAPSE);

    assertThat(sameDay).as("a daily verdict: not before the day closes").isEmpty();
    assertThat(nextDay).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
      assertThat(alert.getReason()).contains("(40)").contains("40%").contains("100.0");
    });
    assertThat(underThreeQuarters).as("back above half: the margin keeps it open").isEmpty();
    assertThat(recovered).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getAlertId()).isEqualTo(nextDay.get(0).getAlertId());
    });
  }

  @Test
  void shouldNotCallAQuietWeekOfATinyAccountACollapse() {
    // Prior weekly average 10 events, below the 50 the bundled model requires; this week 2 (20 %).
    pipeline.send(
        usage("acme", "2026-03-25T12:00:00Z", UsageKind.LOGIN).setCount(20).build(),
        usage("acme", "2026-04-10T12:00:00Z", UsageKind.LOGIN).setCount(20).build(),
        usage("acme", "2026-04-28T09:00:00Z", UsageKind.LOGIN).setCount(2).build())
        .flush();

    assertThat(newAlerts(AlertRule.USAGE_COLLAPSE)).isEmpty();
  }

  @Test
  void shouldRaiseDormantAfter14DaysWithoutUsageWhileSubscribedAndResolveOnUsage() {
    // Another account's usage flows meanwhile: were acme the only one, its silence would be the partition's, a
    // data gap rather than dormancy (DataGapTest).
    pipeline.send(subscribed("acme", "2026-03-01T09:00:00Z", 50_000, 10, "2027-03-01"),
        login("acme", "2026-03-01T10:00:00Z", "ana"), login("globex", "2026-03-14T09:00:00Z", "gus"),
        billingStep("2026-03-14T10:00:00Z", BillingEventKind.INVOICE_PAID)).flush();    // 13 days idle
    List<ChurnAlert> at13 = newAlerts(AlertRule.DORMANT);
    pipeline.send(login("globex", "2026-03-15T09:00:00Z", "gus"),
        billingStep("2026-03-15T10:00:00Z", BillingEventKind.INVOICE_PAID)).flush(); // 14 days
    List<ChurnAlert> at14 = newAlerts(AlertRule.DORMANT);
    pipeline.send(login("globex", "2026-03-16T09:00:00Z", "gus"),
        billingStep("2026-03-16T10:00:00Z", BillingEventKind.INVOICE_PAID)).flush(); // 15 days
    List<ChurnAlert> at15 = newAlerts(AlertRule.DORMANT);
    pipeline.send(login("acme", "2026-03-17T10:00:00Z", "ana")).flush();
    List<ChurnAlert> afterLogin = newAlerts(AlertRule.DORMANT);

    assertThat(at13).isEmpty();
    assertThat(at14).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
      assertThat(alert.getReason()).contains("14 days");
    });
    assertThat(at15).isEmpty();
    assertThat(afterLogin).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getAlertId()).isEqualTo(at14.get(0).getAlertId());
    });
  }

  @Test
  void shouldRaiseDormantForASubscriberThatNeverUsedTheProduct() {
    pipeline.send(subscribed("acme", "2026-03-01T00:00:00Z", 50_000, 10, "2027-03-01"),
        billingStep("2026-03-15T00:00:00Z", BillingEventKind.INVOICE_PAID)).flush();

    assertThat(newAlerts(AlertRule.DORMANT)).singleElement()
        .satisfies(alert -> assertThat(alert.getReason()).contains("14 days"));
  }

  @Test
  void shouldMeasureDormancyOfANeverUsedAccountFromItsSubscription() {
    pipeline.send(profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        subscribed("acme", "2026-03-14T00:00:00Z", 50_000, 10, "2027-03-14"),
        billingStep("2026-03-15T00:00:00Z", BillingEventKind.INVOICE_PAID)).flush(); // subscribed for 1 day

    assertThat(newAlerts(AlertRule.DORMANT)).isEmpty();
  }

  @Test
  void shouldNotRaiseDormantForAnAccountThatIsNotSubscribed() {
    pipeline.send(subscribed("acme", "2026-03-01T00:00:00Z", 50_000, 10, "2027-03-01"),
        login("acme", "2026-03-01T10:00:00Z", "ana"),
        billing("acme", "2026-03-05T00:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build(),
        billingStep("2026-03-25T00:00:00Z", BillingEventKind.INVOICE_PAID)).flush(); // 24 days idle, cancelled

    assertThat(newAlerts(AlertRule.DORMANT)).isEmpty();
  }

  @Test
  void shouldRaiseCancellationAndResolveItOnReactivation() {
    pipeline.send(subscribed("acme", "2026-03-01T00:00:00Z", 50_000, 10, "2027-03-01")).flush();
    List<ChurnAlert> whileSubscribed = newAlerts(AlertRule.CANCELLATION);
    pipeline.send(billing("acme", "2026-03-10T00:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build())
        .flush();
    List<ChurnAlert> afterCancel = newAlerts(AlertRule.CANCELLATION);
    pipeline.send(billingStep("2026-03-11T00:00:00Z", BillingEventKind.INVOICE_PAID)).flush();
    List<ChurnAlert> stillCancelled = newAlerts(AlertRule.CANCELLATION);
    pipeline.send(subscribed("acme", "2026-03-20T00:00:00Z", 60_000, 10, "2027-03-20")).flush();
    List<ChurnAlert> afterReactivation = newAlerts(AlertRule.CANCELLATION);

    assertThat(whileSubscribed).isEmpty();
    assertThat(afterCancel).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(alert.getReason()).contains("cancelled");
    });
    assertThat(stillCancelled).isEmpty();
    assertThat(afterReactivation).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getAlertId()).isEqualTo(afterCancel.get(0).getAlertId());
    });
  }

  @Test
  void shouldRaiseRenewalAtRiskWithin60DaysWhenNotHealthyAndResolveWellInsideHealthyAfterAWeek() {
    useScoring(TestScoring.fromDefaultReplacing(TestScoring.withAlertStability(
        TestScoring.withoutMinimumEvidence(TestScoring.npsAsAnswered()))));
    // No profile: default weights (usage 0.35, financial 0.20, sentiment 0.25 have data). The one seat is used
    // (licence 100, last usage a day or two ago: about 97); one NPS answer of 0 makes sentiment 0; financial is
    // about 97 (nothing wrong but the renewal's proximity): (0.35 × 97 + 0.20 × 97.3) / 0.80 = 67, NEUTRAL.
    pipeline.send(subscribed("acme", "2026-03-29T10:00:00Z", 50_000, 1, "2026-05-30"),
        login("acme", "2026-03-29T11:00:00Z", "ana"),
        answer("acme", "2026-03-30T10:00:00Z", "r1", SurveyKind.NPS, 0)).flush();   // 61 days to renewal
    AccountHealth at61 = pipeline.latestHealth().get("acme");
    List<ChurnAlert> at61Alerts = newAlerts(AlertRule.RENEWAL_AT_RISK);
    // Another account's usage flows on the days evaluated: acme's silence is its own, not a data gap (DataGapTest).
    pipeline.send(login("globex", "2026-03-31T09:00:00Z", "gus"),
        billingStep("2026-03-31T10:00:00Z", BillingEventKind.INVOICE_PAID)).flush(); // 60 days
    List<ChurnAlert> at60 = newAlerts(AlertRule.RENEWAL_AT_RISK);
    pipeline.send(login("globex", "2026-04-01T09:00:00Z", "gus"),
        billingStep("2026-04-01T10:00:00Z", BillingEventKind.INVOICE_PAID)).flush(); // 59 days
    List<ChurnAlert> at59 = newAlerts(AlertRule.RENEWAL_AT_RISK);
    pipeline.send(login("globex", "2026-04-02T09:00:00Z", "gus"),
        answer("acme", "2026-04-02T10:00:00Z", "r1", SurveyKind.NPS, 10)).flush();  // sentiment 100
    AccountHealth healthy = pipeline.latestHealth().get("acme");
    List<ChurnAlert> healthyWithinAWeek = newAlerts(AlertRule.RENEWAL_AT_RISK);
    // A week after it was raised (RENEWAL_AT_RISK's minimum): last usage 10 days ago, still well above 75
    pipeline.send(login("globex", "2026-04-08T09:00:00Z", "gus"),
        billingStep("2026-04-08T10:00:00Z", BillingEventKind.INVOICE_PAID)).flush();
    AccountHealth aWeekLater = pipeline.latestHealth().get("acme");
    List<ChurnAlert> whenHealthy = newAlerts(AlertRule.RENEWAL_AT_RISK);

    assertThat(at61.getBand()).isEqualTo(HealthBand.NEUTRAL);
    assertThat(at61Alerts).isEmpty();
    assertThat(at60).as("a daily verdict: the day closes 60 days before the renewal").isEmpty();
    assertThat(at59).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(alert.getBand()).isEqualTo(HealthBand.NEUTRAL);
      assertThat(alert.getReason()).contains("2026-05-30").contains("59 days");
    });
    assertThat(healthy.getBand()).isEqualTo(HealthBand.HEALTHY);
    assertThat(healthyWithinAWeek).isEmpty();
    assertThat(aWeekLater.getScore()).isGreaterThanOrEqualTo(75.0);
    assertThat(whenHealthy).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getAlertId()).isEqualTo(at59.get(0).getAlertId());
    });
  }

  @Test
  void shouldKeepOneOpenAlertPerRuleWhenTheSameConditionIsReachedAgainBeforeResolving() {
    pipeline.send(subscribed("acme", "2026-03-01T00:00:00Z", 50_000, 10, "2027-03-01"));
    for (int day = 2; day <= 9; day++) {
      pipeline.send(billingStep("2026-03-0" + day + "T00:00:00Z", BillingEventKind.PAYMENT_FAILED),
          answer("acme", "2026-03-0" + day + "T01:00:00Z", "r" + day, SurveyKind.NPS, 2)).flush();
    }

    List<ChurnAlert> alerts = newAlerts();
    assertThat(ofRule(alerts, AlertRule.PAYMENT_FAILURES)).hasSize(1);
    assertThat(ofRule(alerts, AlertRule.DETRACTOR)).hasSize(1);
  }

  private static BillingEvent billingStep(String at, BillingEventKind kind) {
    return billing("acme", at, kind).setAmountCents(50_000L).build();
  }

}
