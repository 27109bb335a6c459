package dev.vitals.topology;

import dev.vitals.kpi.AccountState;
import java.time.Instant;
import java.util.function.Function;

/**
 * The rule for events of an erased account (see docs/operations.md, "Erasing an account"), shared by the live
 * processor and {@code replay}: an event that occurred at or before the erasure is a straggler of the erased account
 * and is dead-lettered as {@link RejectReason#ERASED_ACCOUNT}; one that occurred after it starts a fresh account.
 *
 * <p>The erasure time is looked up only when the event is older than everything the account holds (or the account
 * holds nothing): a fresh account began after its erasure, so an event at or after its first one cannot be a
 * straggler. The usual event therefore pays no lookup at all.
 */
public final class ErasedAccounts {
  private ErasedAccounts() {}

  /**
   * When {@code accountId} was erased if an event that occurred at {@code occurredAt} is a straggler of that
   * erasure, else null.
   *
   * @param state the account's state, null when it has none
   * @param erasures the erasure time of an account, null when it was never erased
   */
  public static Instant stragglerOf(String accountId, AccountState state, Instant occurredAt,
      Function<String, Instant> erasures) {
    if (state != null && state.firstEventAt != null && !occurredAt.isBefore(state.firstEventAt)) {
      return null;
    }
    Instant erasedAt = erasures.apply(accountId);
    return erasedAt != null && !occurredAt.isAfter(erasedAt) ? erasedAt : null;
  }

  /** The dead letter's detail for a straggler. */
  public static String detail(Instant occurredAt, Instant erasedAt) {
    return "occurredAt " + occurredAt + " is not after the account's erasure at " + erasedAt
        + "; events after the erasure start a fresh account";
  }
}
