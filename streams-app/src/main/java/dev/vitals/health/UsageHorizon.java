package dev.vitals.health;

import dev.vitals.kpi.EventDay;
import java.time.Instant;

/**
 * How far an account's usage is measured: never past the end of the day of the partition's latest usage event (the
 * event clock). Usage is the one source whose silence is a signal (dormancy, collapse), so it must be silence of the
 * account, not of the pipeline: while usage flows for other accounts the clock moves and a silent account's usage is
 * measured up to today, as before; when usage stops for every account (an upstream outage, a usage data gap) the
 * clock stops with it and so does every account's usage, whatever later tickets, invoices or answers move the
 * account's own decision time to. The horizon is a day's end because the usage ledger is kept by day and because it
 * then depends on the day only, not on when in the day an evaluation ran: replay and the live topology agree.
 */
public final class UsageHorizon {
  private UsageHorizon() {}

  /**
   * The instant usage is measured as of, for an account decided as of {@code asOf} on a partition whose latest usage
   * event is {@code eventClock}; {@code asOf} itself while the partition has seen no usage at all (there is no usage
   * clock to stop at, and nothing to tell a gap from a deployment without usage).
   */
  public static Instant of(Instant asOf, Instant eventClock) {
    if (eventClock.equals(Instant.EPOCH)) {
      return asOf;
    }
    Instant endOfClockDay = EventDay.startOf(EventDay.of(eventClock) + 1).minusMillis(1);
    return asOf.isAfter(endOfClockDay) ? endOfClockDay : asOf;
  }

  /** Whether usage measured as of {@code usageAsOf} stops short of the account's decision day. */
  public static boolean cuts(Instant asOf, Instant usageAsOf) {
    return EventDay.of(usageAsOf) < EventDay.of(asOf);
  }
}
