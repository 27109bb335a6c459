package dev.vitals.kpi;

/** One UTC day of an account's usage: sums of {@code count} (and {@code errorCount}) by what the KPIs need. */
public final class DailyUsage {
  public long events;
  public long apiCalls;
  public long apiErrors;
  public long docViews;

  public DailyUsage() {}
}
