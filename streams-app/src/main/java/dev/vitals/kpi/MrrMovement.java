package dev.vitals.kpi;

import java.time.Instant;

/** One change of an account's MRR, classified as SPEC §3 defines; {@code amountCents} is always positive. */
public record MrrMovement(Instant at, Kind kind, long amountCents) {

  public enum Kind {
    NEW, EXPANSION, CONTRACTION, CHURN, REACTIVATION;

    /** Classifies a change from {@code before} (null: never had MRR) to {@code after}; null when no movement. */
    static Kind of(Long before, long after) {
      if (before == null) {
        return after > 0 ? NEW : null;
      }
      if (after == before) {
        return null;
      }
      if (before == 0) {
        return REACTIVATION;
      }
      if (after == 0) {
        return CHURN;
      }
      return after > before ? EXPANSION : CONTRACTION;
    }
  }
}
