package dev.vitals.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One account's MRR movements over a trailing period, in the two forms GRR and NRR need: every movement by kind,
 * and the movements of the account only if it was paying when the period started (GRR and NRR are computed over
 * the accounts that existed at the start). Amounts are positive cents; sums over accounts are exact.
 *
 * @param periodStartCents the account's MRR when the period started, when it was paying then; else null
 * @param cents movements in the period by kind
 * @param retainedCents the same, when the account was paying at the start of the period; else all zero
 */
public record RevenueMovements(Long periodStartCents, Map<MrrMovement.Kind, Long> cents,
    Map<MrrMovement.Kind, Long> retainedCents) {

  public static RevenueMovements of(BillingLedger billing, Instant asOf, Duration period) {
    Instant start = asOf.minus(period);
    Long startMrr = billing.mrrAt(start);
    boolean payingAtStart = startMrr != null && startMrr > 0;
    Map<MrrMovement.Kind, Long> cents = zeroes();
    Map<MrrMovement.Kind, Long> retained = zeroes();
    for (MrrMovement movement : billing.movements()) {
      if (!TicketBook.within(movement.at(), start, asOf)) {
        continue;
      }
      cents.merge(movement.kind(), movement.amountCents(), Long::sum);
      if (payingAtStart) {
        retained.merge(movement.kind(), movement.amountCents(), Long::sum);
      }
    }
    return new RevenueMovements(payingAtStart ? startMrr : null, cents, retained);
  }

  public long centsOf(MrrMovement.Kind kind) {
    return cents.get(kind);
  }

  public long retainedCentsOf(MrrMovement.Kind kind) {
    return retainedCents.get(kind);
  }

  static Map<MrrMovement.Kind, Long> zeroes() {
    Map<MrrMovement.Kind, Long> zeroes = new EnumMap<>(MrrMovement.Kind.class);
    for (MrrMovement.Kind kind : MrrMovement.Kind.values()) {
      zeroes.put(kind, 0L);
    }
    return zeroes;
  }
}
