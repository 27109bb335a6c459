package dev.vitals.kpi;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one account stands in a period, for logo churn, retention, growth, renewal rate and loyal accounts: each a
 * yes or no, so that a segment's figures are counts of accounts. "Subscribed" is MRR above 0 and not cancelled, as
 * everywhere in Vitals; the period is ({@code asOf} − P, {@code asOf}].
 *
 * @param subscribedAtStart subscribed when the period started
 * @param subscribedAtEnd subscribed at {@code asOf}
 * @param firstSubscribedInPeriod its first ever subscription (a NEW MRR movement) is in the period
 * @param renewalDue a renewal fell due in the period, or it renewed in it
 * @param renewed a RENEWED event in the period
 * @param everRenewed at least one RENEWED event, ever
 */
public record RetentionFigures(boolean subscribedAtStart, boolean subscribedAtEnd, boolean firstSubscribedInPeriod,
    boolean renewalDue, boolean renewed, boolean everRenewed) {

  static final int AT_START = 0;
  static final int AT_END = 1;
  static final int CHURNED = 2;
  static final int NEW = 3;
  static final int REACTIVATED = 4;
  static final int RENEWALS_DUE = 5;
  static final int RENEWED = 6;
  static final int LOYAL = 7;
  static final int COUNTS = 8;

  public static RetentionFigures of(BillingLedger billing, Instant asOf, Duration period) {
    Instant start = asOf.minus(period);
    boolean firstSubscribed = billing.movements().stream()
        .anyMatch(m -> m.kind() == MrrMovement.Kind.NEW && TicketBook.within(m.at(), start, asOf));
    return new RetentionFigures(billing.subscribedAt(start), billing.subscribedAt(asOf), firstSubscribed,
        billing.renewalDueWithin(start, asOf), billing.renewedWithin(start, asOf), billing.renewals > 0);
  }

  /** Lost in the period: subscribed at its start, not at its end (a churn followed by a return is not lost). */
  public boolean churned() {
    return subscribedAtStart && !subscribedAtEnd;
  }

  /** Won in the period: subscribed at its end, not at its start, for the first time or again. */
  public boolean won() {
    return subscribedAtEnd && !subscribedAtStart;
  }

  /** Adds this account to counts indexed by the constants above. */
  void addTo(int[] counts) {
    addCounts(counts, one(subscribedAtStart), one(subscribedAtEnd), one(churned()),
        one(won() && firstSubscribedInPeriod), one(won() && !firstSubscribedInPeriod),
        one(renewalDue), one(renewalDue && renewed), one(subscribedAtEnd && everRenewed));
  }

  static void addCounts(int[] counts, int atStart, int atEnd, int churned, int fresh, int reactivated,
      int renewalsDue, int renewed, int loyal) {
    counts[AT_START] += atStart;
    counts[AT_END] += atEnd;
    counts[CHURNED] += churned;
    counts[NEW] += fresh;
    counts[REACTIVATED] += reactivated;
    counts[RENEWALS_DUE] += renewalsDue;
    counts[RENEWED] += renewed;
    counts[LOYAL] += loyal;
  }

  private static int one(boolean yes) {
    return yes ? 1 : 0;
  }
}
