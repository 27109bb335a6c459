package dev.vitals.kpi;

import java.time.Duration;

/**
 * The trailing windows of SPEC §3, in one place. Usage windows count whole UTC days ending with the day of
 * {@code asOf} (a 30-day window is that day and the 29 before it); survey, ticket and billing windows are exact
 * instants, {@code (asOf - window, asOf]}.
 */
public final class KpiWindows {
  public static final int ACTIVE_DAYS = 30;
  public static final int RECENT_USAGE_DAYS = 7;
  public static final int PRIOR_USAGE_DAYS = 28;
  public static final int POWER_USER_MIN_DAYS = 15;
  public static final Duration SURVEYS = Duration.ofDays(90);
  public static final Duration TICKETS = Duration.ofDays(30);
  public static final Duration PAYMENT_FAILURES = Duration.ofDays(30);
  public static final Duration MRR_CHANGE = Duration.ofDays(30);
  /** Scores are compared with the score this long before, for the 7-day delta and the SCORE_DROP rule. */
  public static final Duration SCORE_HISTORY = Duration.ofDays(7);
  /** An account is activated when it completes onboarding within this long of its subscription's start. */
  public static final Duration ACTIVATION = Duration.ofDays(30);

  private KpiWindows() {}
}
