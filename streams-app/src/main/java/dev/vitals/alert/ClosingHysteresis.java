package dev.vitals.alert;

import java.util.function.IntPredicate;

/**
 * Whether a rule with a resolve margin was open at yesterday's close, worked out from the account's closing values
 * of the past days alone: the rule's hysteresis is run over them, oldest first, starting closed.
 *
 * <p>Why not remember whether the alert is open: that depends on when evaluations happened to run. An evaluation
 * that caught a value crossing the threshold for an hour raises the alert, and its margin then keeps it open; one
 * batched past that hour never raises it, so a restored pipeline and {@code replay} would part for good. Closing
 * values come from the ledgers, so this memory depends on the events only (docs/alerts.md, "No flapping"). Within
 * the current day the rule looks at the current value against the raising threshold, and against the resolving
 * one only when it was open at yesterday's close.
 */
final class ClosingHysteresis {
  private ClosingHysteresis() {}

  /**
   * @param days how many past closes there are ({@code back} runs from {@code days} down to 1, yesterday)
   * @param raisesAt whether the value at the close {@code back} days ago crosses the raising threshold
   * @param resolvesAt whether it is past the resolving threshold (or the rule's premise is gone, or there is no data)
   */
  static boolean openAtLastClose(int days, IntPredicate raisesAt, IntPredicate resolvesAt) {
    boolean open = false;
    for (int back = days; back >= 1; back--) {
      if (raisesAt.test(back)) {
        open = true;
      } else if (open && resolvesAt.test(back)) {
        open = false;
      }
    }
    return open;
  }
}
