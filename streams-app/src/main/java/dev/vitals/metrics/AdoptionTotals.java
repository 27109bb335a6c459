package dev.vitals.metrics;

import dev.vitals.schema.AdoptionValues;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Map;
import java.util.TreeMap;

/**
 * The onboarding and adoption series of docs/metrics.md, per segment, from each owned account's adoption values as
 * of its last health record: counts of journeys and their outcomes, histograms of the times to onboard, to the first
 * API call and to value and of how long the journeys under way have run, and per key feature the accounts that list
 * it and those that used it in 30 days. Counts only, never rates, so the recording rules compute the activation
 * rate, the medians and each feature's adoption across instances. Every series of a segment is exported, zeros
 * included.
 */
final class AdoptionTotals {
  /** One day up to three months, in seconds: onboarding is measured in days. */
  static final double[] JOURNEY_BOUNDS = {
      86_400, 3 * 86_400, 7 * 86_400, 14 * 86_400, 21 * 86_400, 30 * 86_400, 45 * 86_400, 60 * 86_400, 90 * 86_400};

  private final Map<String, Segment> segments = new TreeMap<>();

  void add(OwnedAccount account) {
    Segment segment = segments.computeIfAbsent(account.segment(), s -> new Segment());
    AdoptionValues adoption = account.health().getAdoption();
    if (adoption == null) {
      return;   // a record emitted by a release before adoption values: counted once it is emitted again
    }
    segment.add(adoption);
  }

  void exportTo(MetricFamilies out) {
    segments.forEach((segment, totals) -> totals.exportTo(Labels.of("segment", segment), out));
  }

  private static final class Segment {
    private long journeys;
    private long onboarded;
    private long activationDecided;
    private long activated;
    private long outcomes;
    private final Journeys timeToOnboard = new Journeys();
    private final Journeys timeToFirstApiCall = new Journeys();
    private final Journeys timeToValue = new Journeys();
    private final Journeys inProgress = new Journeys();
    private final Map<String, long[]> keyFeatures = new TreeMap<>();

    void add(AdoptionValues adoption) {
      outcomes += adoption.getOutcomesAchieved();
      if (adoption.getJourneyTracked()) {
        journeys++;
        onboarded += adoption.getTimeToOnboardSeconds() == null ? 0 : 1;
        timeToOnboard.add(adoption.getTimeToOnboardSeconds());
        timeToFirstApiCall.add(adoption.getTimeToFirstApiCallSeconds());
        timeToValue.add(adoption.getTimeToValueSeconds());
        if (adoption.getStillOnboarding() && adoption.getOnboardingDays() != null) {
          inProgress.add(adoption.getOnboardingDays() * 86_400L);
        }
        if (adoption.getActivated() != null) {
          activationDecided++;
          activated += adoption.getActivated() ? 1 : 0;
        }
      }
      adoption.getKeyFeatures().forEach(feature -> keyFeatures.computeIfAbsent(feature, f -> new long[2])[0]++);
      adoption.getKeyFeaturesUsed30d().forEach(feature ->
          keyFeatures.computeIfAbsent(feature, f -> new long[2])[1]++);
    }

    void exportTo(Labels labels, MetricFamilies out) {
      out.gauge("vitals_onboarding_journeys", "Accounts on a tracked onboarding journey (subscribed, not onboarded"
          + " before the subscription started), completed or not", labels, journeys);
      out.gauge("vitals_onboarding_completed", "Of the tracked journeys, those that reached onboarding-complete",
          labels, onboarded);
      out.gauge("vitals_activation_decided", "Tracked journeys whose activation is decided (onboarded, or 30 days"
          + " gone)", labels, activationDecided);
      out.gauge("vitals_activated", "Of the decided journeys, those onboarded within 30 days of the start", labels,
          activated);
      out.gauge("vitals_onboarding_outcomes", "Milestones other than onboarding-complete reached, summed over the"
          + " accounts", labels, outcomes);
      out.histogram("vitals_time_to_onboard_seconds", "Subscription start to onboarding-complete, per completed"
          + " journey", labels, JOURNEY_BOUNDS, timeToOnboard.counts, timeToOnboard.sum);
      out.histogram("vitals_time_to_first_api_call_seconds", "Subscription start to the first API call, per"
          + " tracked journey that made one", labels, JOURNEY_BOUNDS, timeToFirstApiCall.counts,
          timeToFirstApiCall.sum);
      out.histogram("vitals_time_to_value_seconds", "Subscription start to the day every key feature had been used,"
          + " per tracked journey that got there", labels, JOURNEY_BOUNDS, timeToValue.counts, timeToValue.sum);
      out.histogram("vitals_onboarding_in_progress_seconds", "How long each journey not yet complete has run (whole"
          + " days)", labels, JOURNEY_BOUNDS, inProgress.counts, inProgress.sum);
      keyFeatures.forEach((feature, counts) -> {
        Labels byFeature = labels.add("feature", feature);
        out.gauge("vitals_key_feature_accounts", "Accounts that list this feature among their key features",
            byFeature, counts[0]);
        out.gauge("vitals_key_feature_used_30d", "Of those, the accounts that used it in the last 30 days",
            byFeature, counts[1]);
      });
    }
  }

  /** A histogram of journey durations in seconds, counts per bucket (not cumulative), the last over the bounds. */
  private static final class Journeys {
    final long[] counts = new long[JOURNEY_BOUNDS.length + 1];
    double sum;

    void add(Long seconds) {
      if (seconds == null) {
        return;
      }
      int bucket = 0;
      while (bucket < JOURNEY_BOUNDS.length && seconds > JOURNEY_BOUNDS[bucket]) {
        bucket++;
      }
      counts[bucket]++;
      sum += seconds;
    }
  }
}
