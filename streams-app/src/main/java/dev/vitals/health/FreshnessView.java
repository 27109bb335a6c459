package dev.vitals.health;

import dev.vitals.kpi.DataSource;
import dev.vitals.kpi.EventDay;
import dev.vitals.kpi.SourceFreshness;
import dev.vitals.schema.Freshness;
import dev.vitals.schema.HealthFactor;
import dev.vitals.scoring.Component;
import java.time.Instant;

/**
 * Data freshness as the health record shows it (SPEC §8): the account's latest event time per source, and, when the
 * partition's usage stops before the account's decision day ({@link UsageHorizon}), a line of the explanation that
 * says so, worth 0 points: the score is what it was when the usage data stopped, and the reader should know why it
 * does not move.
 */
final class FreshnessView {
  /** The stable factor name of the explanation line. */
  static final String USAGE_DATA_GAP = "usage_data_gap";

  private FreshnessView() {}

  static Freshness of(SourceFreshness freshness) {
    return new Freshness(freshness.latest(DataSource.USAGE), freshness.latest(DataSource.TICKETS),
        freshness.latest(DataSource.BILLING), freshness.latest(DataSource.SURVEYS));
  }

  /** The explanation line for usage measured as of {@code usageAsOf} rather than {@code asOf}; null when it is not. */
  static HealthFactor usageGap(Instant asOf, Instant usageAsOf) {
    if (!UsageHorizon.cuts(asOf, usageAsOf)) {
      return null;
    }
    String day = EventDay.startOf(EventDay.of(usageAsOf)).toString().substring(0, 10);
    return new HealthFactor(Component.USAGE.label(), USAGE_DATA_GAP, 0.0, "no usage event for any account of its"
        + " partition after " + day + " (a data gap upstream, not this account's silence): usage measured as of that"
        + " day");
  }
}
