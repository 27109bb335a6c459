package dev.vitals.metrics;

import dev.vitals.kpi.AccountFigures;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.Segment;
import dev.vitals.state.stored.StoredRetention;

/**
 * One account this instance owns, as its stores hold it: the last health record emitted and the counts behind it.
 *
 * @param figures null when the store has none yet (an account emitted by a release before the figures existed)
 * @param retention null likewise (a release before the retention store)
 */
record OwnedAccount(AccountHealth health, AccountFigures figures, StoredRetention retention) {
  OwnedAccount(AccountHealth health, AccountFigures figures) {
    this(health, figures, null);
  }

  /** Label values for accounts whose profile has not arrived yet. */
  static final String UNKNOWN_SEGMENT = "unknown";
  static final String UNASSIGNED_CSM = "unassigned";

  String segment() {
    Segment segment = health.getSegment();
    return segment == null ? UNKNOWN_SEGMENT : segment.name();
  }

  String csm() {
    String csm = health.getCsm();
    return csm == null || csm.isBlank() ? UNASSIGNED_CSM : csm;
  }
}
