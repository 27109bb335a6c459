package dev.vitals.kpi;

import java.util.List;
import java.util.Map;

/**
 * The counts one segment's ticket analytics ({@link TicketAnalyticsKpis}) are computed from, over the tickets opened
 * in the {@link KpiWindows#TICKETS} up to the report's instant. Kept apart from the medians and rates they become so
 * that instance shares merge exactly: counts add up, and first responses travel as whole milliseconds, so a median
 * per weekday or hour is taken over every ticket, never over per-instance medians. Categories are uncapped here
 * (capping before the merge would put different categories under "other" on different instances).
 *
 * @param openedByHourOfWeek tickets opened per UTC hour of the week, Monday 00:00 first (7 × 24 entries)
 * @param firstResponseMillisByWeekday per UTC weekday opened (Monday first), OPENED to first AGENT_REPLIED of each
 *     ticket that has had a reply
 * @param firstResponseMillisByHour the same per UTC hour of day opened (00 first)
 * @param openedByCategory tickets opened per category, {@value TicketAnalyticsTally#UNCATEGORISED} for none
 * @param accountsWithComplaint accounts that opened a ticket of category {@value TicketAnalyticsTally#COMPLAINT}
 * @param activeAccounts accounts with at least one active user in the last 30 days (the complaint rate's base)
 */
public record TicketAnalyticsCounts(
    List<Integer> openedByHourOfWeek,
    List<List<Long>> firstResponseMillisByWeekday,
    List<List<Long>> firstResponseMillisByHour,
    Map<String, Integer> openedByCategory,
    int accountsWithComplaint,
    int activeAccounts) {

  /** Tickets opened in the window. */
  public int opened() {
    return openedByHourOfWeek.stream().mapToInt(Integer::intValue).sum();
  }
}
