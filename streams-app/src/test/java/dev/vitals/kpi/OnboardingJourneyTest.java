package dev.vitals.kpi;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.featureUsed;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.Segment;
import dev.vitals.schema.UsageKind;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** SPEC §3 onboarding, worked out by hand on small histories: one account subscribed on 03-01 at 09:00. */
class OnboardingJourneyTest {
  private final AccountState account = AccountState.of("acme");

  private void given(SpecificRecord... events) {
    for (SpecificRecord event : events) {
      account.apply(event, (java.time.Instant) event.get(event.getSchema().getField("occurredAt").pos()));
    }
  }

  private static SpecificRecord milestone(String at, String name) {
    return usage("acme", at, UsageKind.MILESTONE).setFeature(name).build();
  }

  private static SpecificRecord apiCall(String at) {
    return usage("acme", at, UsageKind.API_CALL).setFeature("/v1/reports").setCount(3).build();
  }

  private void aSubscriberWithKeyFeatures(String... keyFeatures) {
    given(profile("acme", "2026-03-01T08:00:00Z", Segment.SMB, keyFeatures).build(),
        subscribed("acme", "2026-03-01T09:00:00Z", 50_000, 10, "2027-03-01"));
  }

  @Test
  void shouldMeasureTimeToOnboardFromTheSubscriptionToTheOnboardingCompleteMilestone() {
    aSubscriberWithKeyFeatures("reports");
    given(milestone("2026-03-02T10:00:00Z", "workspace-created"),
        milestone("2026-03-13T09:00:00Z", "onboarding-complete"),
        milestone("2026-03-20T12:00:00Z", "first-dashboard-shared"));

    OnboardingJourney journey = account.onboardingAt(at("2026-03-25T00:00:00Z"));

    // 03-01 09:00 to 03-13 09:00: 12 days; two other milestones are outcomes.
    assertThat(journey.tracked()).isTrue();
    assertThat(journey.timeToOnboard()).isEqualTo(Duration.ofDays(12));
    assertThat(journey.outcomesAchieved()).isEqualTo(2);
    assertThat(journey.stillOnboarding()).isFalse();
    assertThat(journey.activated()).isTrue();
  }

  @Test
  void shouldCountOnlyWhatHappenedByTheTimeItIsMeasuredAt() {
    aSubscriberWithKeyFeatures("reports");
    given(milestone("2026-03-02T10:00:00Z", "workspace-created"),
        milestone("2026-03-13T09:00:00Z", "onboarding-complete"));

    OnboardingJourney atTheClose0310 = account.onboardingAt(at("2026-03-10T23:59:59.999Z"));

    // as of 03-10 the journey had run 9 days 15 h (minus 1 ms) and one milestone was reached
    assertThat(atTheClose0310.timeToOnboard()).isNull();
    assertThat(atTheClose0310.onboardingFor()).isEqualTo(Duration.ofDays(10).minusHours(9).minusMillis(1));
    assertThat(atTheClose0310.outcomesAchieved()).isEqualTo(1);
    assertThat(atTheClose0310.activated()).isNull();
  }

  @Test
  void shouldMeasureTimeToFirstApiCallAndZeroForACallBeforeTheStart() {
    aSubscriberWithKeyFeatures("reports");
    given(apiCall("2026-03-04T15:30:00Z"), apiCall("2026-03-06T10:00:00Z"));

    assertThat(account.onboardingAt(at("2026-03-07T00:00:00Z")).timeToFirstApiCall())
        .isEqualTo(Duration.ofDays(3).plusHours(6).plusMinutes(30));

    AccountState trial = AccountState.of("acme");
    trial.apply(apiCall("2026-02-27T10:00:00Z"), at("2026-02-27T10:00:00Z"));
    trial.apply(subscribed("acme", "2026-03-01T09:00:00Z", 50_000, 10, "2027-03-01"), at("2026-03-01T09:00:00Z"));
    assertThat(trial.onboardingAt(at("2026-03-07T00:00:00Z")).timeToFirstApiCall()).isEqualTo(Duration.ZERO);
  }

  @Test
  void shouldReachValueOnTheFirstUseOfTheLastKeyFeatureToBeUsed() {
    aSubscriberWithKeyFeatures("reports", "alerts", "exports");
    given(featureUsed("acme", "2026-03-03T10:00:00Z", "ana", "reports"),
        featureUsed("acme", "2026-03-05T11:00:00Z", "bo", "alerts"),
        featureUsed("acme", "2026-03-06T10:00:00Z", "ana", "reports"),
        featureUsed("acme", "2026-03-04T10:00:00Z", "ana", "dashboards"));    // not a key feature

    assertThat(account.onboardingAt(at("2026-03-08T00:00:00Z")).timeToValue()).isNull();   // exports never used

    given(featureUsed("acme", "2026-03-09T09:00:00Z", "bo", "exports"),
        featureUsed("acme", "2026-03-02T09:00:00Z", "bo", "exports"));   // late: exports was first used on 03-02

    // every key feature used from 03-05 11:00, when alerts (the last of them) was first used: 4 days 2 h
    assertThat(account.onboardingAt(at("2026-03-10T00:00:00Z")).timeToValue())
        .isEqualTo(Duration.ofDays(4).plusHours(2));
  }

  @Test
  void shouldHaveNoTimeToValueWithoutKeyFeatures() {
    aSubscriberWithKeyFeatures();
    given(featureUsed("acme", "2026-03-03T10:00:00Z", "ana", "reports"));

    assertThat(account.onboardingAt(at("2026-03-10T00:00:00Z")).timeToValue()).isNull();
  }

  @Test
  void shouldActivateOnlyAnAccountOnboardedWithin30DaysOfItsStart() {
    aSubscriberWithKeyFeatures("reports");
    given(milestone("2026-04-01T10:00:00Z", "onboarding-complete"));   // 31 days 1 h after the start

    assertThat(account.onboardingAt(at("2026-03-31T09:00:00Z")).activated()).isNull();    // exactly 30 days: open
    assertThat(account.onboardingAt(at("2026-03-31T09:00:01Z")).activated()).isFalse();
    assertThat(account.onboardingAt(at("2026-04-02T00:00:00Z")).activated()).isFalse();
    assertThat(account.onboardingAt(at("2026-04-02T00:00:00Z")).timeToOnboard())
        .isEqualTo(Duration.ofDays(31).plusHours(1));
  }

  @Test
  void shouldReportHowLongAnAccountHasBeenOnboardingWhileItHasNotCompleted() {
    aSubscriberWithKeyFeatures("reports");
    given(milestone("2026-03-02T10:00:00Z", "workspace-created"));

    OnboardingJourney journey = account.onboardingAt(at("2026-03-21T09:00:00Z"));

    assertThat(journey.stillOnboarding()).isTrue();
    assertThat(journey.onboardingFor()).isEqualTo(Duration.ofDays(20));
  }

  @Test
  void shouldFollowNoJourneyForAnAccountOnboardedBeforeItsSubscriptionStarted() {
    given(milestone("2026-02-01T10:00:00Z", "onboarding-complete"),
        milestone("2026-02-10T10:00:00Z", "roi-validated"));
    aSubscriberWithKeyFeatures("reports");

    OnboardingJourney journey = account.onboardingAt(at("2026-05-01T00:00:00Z"));

    assertThat(journey.tracked()).isFalse();
    assertThat(journey.stillOnboarding()).isFalse();
    assertThat(journey.timeToOnboard()).isNull();
    assertThat(journey.activated()).isNull();
    assertThat(journey.outcomesAchieved()).isEqualTo(1);
  }

  @Test
  void shouldFollowNoJourneyForAnAccountThatIsNotSubscribed() {
    aSubscriberWithKeyFeatures("reports");
    given(billing("acme", "2026-03-10T09:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build());

    OnboardingJourney journey = account.onboardingAt(at("2026-04-15T00:00:00Z"));

    assertThat(journey.startedAt()).isNull();
    assertThat(journey.stillOnboarding()).isFalse();
  }
}
