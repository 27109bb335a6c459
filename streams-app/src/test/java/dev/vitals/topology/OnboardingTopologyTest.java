package dev.vitals.topology;

import static dev.vitals.testing.AlertAssertions.assertAtMostOneOpenPerAccountAndRule;
import static dev.vitals.testing.AlertAssertions.ofRule;
import static dev.vitals.testing.TestEvents.apiCall;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.featureUsed;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.milestone;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AdoptionValues;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.Segment;
import dev.vitals.schema.Severity;
import dev.vitals.scoring.OnboardingPolicy;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.testing.PipelineDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding through the topology: the journey in the health record, and ONBOARDING_STALLED raised once the
 * configured time has passed without the onboarding-complete milestone, resolved by the milestone or the end of the
 * subscription, never raised for an account that was onboarded before its subscription started.
 */
class OnboardingTopologyTest {
  private final List<ChurnAlert> everyAlert = new ArrayList<>();
  private PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    assertAtMostOneOpenPerAccountAndRule(everyAlert);
    pipeline.close();
  }

  private List<ChurnAlert> newStalls() {
    List<ChurnAlert> alerts = pipeline.alerts();
    everyAlert.addAll(alerts);
    return ofRule(alerts, AlertRule.ONBOARDING_STALLED);
  }

  /** A new SMB customer with two key features, subscribed on 03-01 at 09:00, that set up its workspace on 03-02. */
  private void aNewCustomer() {
    pipeline.send(profile("acme", "2026-03-01T08:00:00Z", Segment.SMB, "reports", "alerts").build(),
        subscribed("acme", "2026-03-01T09:00:00Z", 50_000, 10, "2027-03-01"),
        milestone("acme", "2026-03-02T10:00:00Z", "workspace-created")).flush();
  }

  @Test
  void shouldShowTheJourneyInTheHealthRecord() {
    aNewCustomer();
    pipeline.send(apiCall("acme", "2026-03-03T09:00:00Z", 5),
        featureUsed("acme", "2026-03-04T09:00:00Z", "ana", "reports"),
        featureUsed("acme", "2026-03-06T21:00:00Z", "bo", "alerts"),
        milestone("acme", "2026-03-11T09:00:00Z", "onboarding-complete"),
        login("acme", "2026-03-12T09:00:00Z", "ana")).flush();

    AdoptionValues adoption = pipeline.latestHealth().get("acme").getAdoption();

    // 10 days to onboard, 2 days to the first API call, 5 days 12 h to value (alerts, the last key feature, on
    // 03-06 21:00); activated; one other milestone; both key features used in 30 days by two active users.
    assertThat(adoption.getJourneyTracked()).isTrue();
    assertThat(adoption.getStillOnboarding()).isFalse();
    assertThat(adoption.getTimeToOnboardSeconds()).isEqualTo(Duration.ofDays(10).toSeconds());
    assertThat(adoption.getTimeToFirstApiCallSeconds()).isEqualTo(Duration.ofDays(2).toSeconds());
    assertThat(adoption.getTimeToValueSeconds()).isEqualTo(Duration.ofDays(5).plusHours(12).toSeconds());
    assertThat(adoption.getActivated()).isTrue();
    assertThat(adoption.getOutcomesAchieved()).isEqualTo(1);
    assertThat(adoption.getKeyFeaturesUsed30d()).containsExactly("reports", "alerts");
    assertThat(adoption.getDocViewsPerActiveUser30d()).isEqualTo(0.0);
  }

  @Test
  void shouldRaiseOnboardingStalledAfter30DaysWithoutCompletingAndResolveOnTheMilestone() {
    aNewCustomer();
    pipeline.send(login("acme", "2026-03-31T08:59:59Z", "ana")).flush();     // 1 s short of 30 days
    List<ChurnAlert> before = newStalls();
    pipeline.send(login("acme", "2026-03-31T09:00:00Z", "ana")).flush();     // 30 days
    List<ChurnAlert> at30Days = newStalls();
    pipeline.send(login("acme", "2026-04-02T09:00:00Z", "ana")).flush();
    List<ChurnAlert> stillStalled = newStalls();
    pipeline.send(milestone("acme", "2026-04-03T09:00:00Z", "onboarding-complete")).flush();
    List<ChurnAlert> onboarded = newStalls();

    assertThat(before).isEmpty();
    assertThat(at30Days).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
      assertThat(alert.getReason())
          .isEqualTo("onboarding not complete 30 days after the subscription started on 2026-03-01 (1 milestone reached)");
    });
    assertThat(stillStalled).isEmpty();
    assertThat(onboarded).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alert.getAlertId()).isEqualTo(at30Days.get(0).getAlertId());
    });
  }

  @Test
  void shouldRaiseItForAJourneyThatNeverStartedAsTheEventClockMovesOn() {
    pipeline.send(subscribed("acme", "2026-03-01T09:00:00Z", 50_000, 10, "2027-03-01"),
        // another account of the partition moves the event clock: acme, silent, is judged as days start
        login("other", "2026-04-01T10:00:00Z", "zed")).flush();

    assertThat(newStalls()).singleElement()
        .satisfies(alert -> assertThat(alert.getReason()).contains("30 days", "(0 milestones reached)"));
  }

  @Test
  void shouldTakeTheStallTimeFromTheScoringConfiguration() {
    ScoringConfig defaults = ScoringConfig.defaults();
    pipeline.close();
    pipeline = new PipelineDriver(new ScoringConfig(defaults.modelVersion(), defaults.bands(), defaults.weights(),
        defaults.defaultWeights(), defaults.factors(), defaults.alerts(), defaults.pipeline(), defaults.portfolio(),
        new OnboardingPolicy(Duration.ofDays(10))));
    aNewCustomer();
    pipeline.send(login("acme", "2026-03-11T09:00:00Z", "ana")).flush();

    assertThat(newStalls()).singleElement().satisfies(alert -> assertThat(alert.getReason()).contains("10 days"));
  }

  @Test
  void shouldResolveItWhenTheSubscriptionEnds() {
    aNewCustomer();
    pipeline.send(login("acme", "2026-04-05T09:00:00Z", "ana")).flush();
    List<ChurnAlert> raised = newStalls();
    pipeline.send(billing("acme", "2026-04-06T09:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build())
        .flush();

    assertThat(raised).singleElement().satisfies(alert -> assertThat(alert.getState()).isEqualTo(AlertState.RAISED));
    assertThat(newStalls()).singleElement()
        .satisfies(alert -> assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED));
  }

  @Test
  void shouldNotAgeIntoAStallWhileTheUsageSourceIsSilentForEveryAccount() {
    aNewCustomer();   // its workspace milestone on 03-02 is the partition's latest usage event
    // an invoice 40 days in: usage (milestones with it) has stopped for everyone, an upstream gap, not a stall
    pipeline.send(billing("acme", "2026-04-10T09:00:00Z", BillingEventKind.INVOICE_PAID).build()).flush();

    assertThat(newStalls()).isEmpty();
  }

  @Test
  void shouldNeverRaiseItForAnAccountOnboardedBeforeItsSubscriptionStarted() {
    pipeline.send(milestone("acme", "2026-02-27T09:00:00Z", "onboarding-complete"),
        subscribed("acme", "2026-03-01T09:00:00Z", 50_000, 10, "2027-03-01"),
        login("acme", "2026-05-01T09:00:00Z", "ana")).flush();

    assertThat(newStalls()).isEmpty();
    assertThat(pipeline.latestHealth().get("acme").getAdoption().getJourneyTracked()).isFalse();
  }

  @Test
  void shouldResolveItWhenALateMilestoneShowsTheAccountWasOnboardedAllAlong() {
    aNewCustomer();
    pipeline.send(login("acme", "2026-04-01T09:00:00Z", "ana")).flush();
    List<ChurnAlert> raised = newStalls();
    // within the grace period, a milestone of 03-28 arrives: the account completed before 30 days had passed
    pipeline.send(milestone("acme", "2026-03-28T09:00:00Z", "onboarding-complete")).flush();

    assertThat(raised).singleElement();
    assertThat(newStalls()).singleElement()
        .satisfies(alert -> assertThat(alert.getState()).isEqualTo(AlertState.RESOLVED));
    assertThat(pipeline.latestHealth().get("acme").getAdoption().getActivated()).isTrue();
  }

  @Test
  void shouldDecideTheSameWhetherEachEventWasEvaluatedOrOnlyTheLastOne() {
    List<SpecificRecord> history = List.of(
        subscribed("acme", "2026-03-01T09:00:00Z", 50_000, 10, "2027-03-01"),
        login("acme", "2026-03-20T09:00:00Z", "ana"),
        login("acme", "2026-04-02T09:00:00Z", "ana"),
        milestone("acme", "2026-04-03T09:00:00Z", "data-connected"),
        login("acme", "2026-04-04T09:00:00Z", "ana"));
    history.forEach(event -> pipeline.send(event).flush());
    List<Boolean> eachEvaluated = openStall(pipeline);
    newStalls();

    pipeline.close();
    pipeline = new PipelineDriver();
    pipeline.send(history.toArray(SpecificRecord[]::new)).flush();

    assertThat(openStall(pipeline)).isEqualTo(eachEvaluated).containsExactly(true);
  }

  private static List<Boolean> openStall(PipelineDriver driver) {
    return List.of(driver.latestHealth().get("acme").getOpenAlerts().contains(AlertRule.ONBOARDING_STALLED));
  }
}
