package dev.vitals.kpi;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ticket analytics of one segment, or of every account, in kpis.json and {@code GET /kpis} ({@code tickets};
 * docs/scoring.md lists the fields): SPEC §3's volume by weekday and hour with the median first response for each
 * (for staffing), issue types, the FCR distribution with the tickets still unresolved, complaint rate, closure rate
 * and tickets per account, each rate beside the counts it divides. Weekdays and hours are UTC; weekdays are keyed
 * {@code 1-Mon} … {@code 7-Sun} and hours {@code 00} … {@code 23}, so they sort as text, and every one is present.
 *
 * @param opened30d tickets opened in the last 30 days
 * @param openedByWeekdayAndHour per weekday opened, the 24 counts by hour opened
 * @param firstResponsesByWeekday per weekday opened, the tickets that have had a first reply (the median's count)
 * @param firstResponseMedianSecondsByWeekday their median OPENED to first AGENT_REPLIED; null without any
 * @param openedByCategory tickets opened per category, the {@value #CATEGORIES} most frequent and the rest as
 *     {@value #OTHER}, most frequent first
 * @param resolvedByContact tickets resolved in the last 30 days on the first, second and third-or-later contact, and
 *     the tickets still unresolved at the report's instant (opened at any time)
 * @param resolved30d tickets resolved in the last 30 days
 * @param closureRate resolved30d / opened30d; null when none opened
 * @param complaintRate accountsWithComplaint / activeAccounts; null without active accounts
 * @param ticketsPerAccount opened30d / accounts; null without accounts
 */
public record TicketAnalyticsKpis(
    int opened30d,
    Map<String, List<Integer>> openedByWeekdayAndHour,
    Map<String, Integer> firstResponsesByWeekday,
    Map<String, Long> firstResponseMedianSecondsByWeekday,
    Map<String, Integer> firstResponsesByHour,
    Map<String, Long> firstResponseMedianSecondsByHour,
    Map<String, Integer> openedByCategory,
    Map<String, Integer> resolvedByContact,
    int resolved30d,
    Double closureRate,
    int accountsWithComplaint,
    int activeAccounts,
    Double complaintRate,
    int accounts,
    Double ticketsPerAccount) {

  /** Categories are upstream strings: at most this many are listed, the most frequent. */
  public static final int CATEGORIES = 20;
  public static final String OTHER = "other";

  static TicketAnalyticsKpis of(PortfolioCounts c) {
    TicketAnalyticsCounts t = c.tickets();
    Map<String, List<Integer>> byWeekdayAndHour = new LinkedHashMap<>();
    Map<String, Integer> repliedByWeekday = new LinkedHashMap<>();
    Map<String, Long> medianByWeekday = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      int from = day.ordinal() * TicketAnalyticsTally.HOURS;
      byWeekdayAndHour.put(weekday(day),
          List.copyOf(t.openedByHourOfWeek().subList(from, from + TicketAnalyticsTally.HOURS)));
      List<Long> millis = t.firstResponseMillisByWeekday().get(day.ordinal());
      repliedByWeekday.put(weekday(day), millis.size());
      medianByWeekday.put(weekday(day), medianSeconds(millis));
    }
    Map<String, Integer> repliedByHour = new LinkedHashMap<>();
    Map<String, Long> medianByHour = new LinkedHashMap<>();
    for (int hour = 0; hour < TicketAnalyticsTally.HOURS; hour++) {
      List<Long> millis = t.firstResponseMillisByHour().get(hour);
      repliedByHour.put(hour(hour), millis.size());
      medianByHour.put(hour(hour), medianSeconds(millis));
    }
    Map<String, Integer> byContact = new LinkedHashMap<>();
    byContact.put("first", c.resolvedByContacts().get(0));
    byContact.put("second", c.resolvedByContacts().get(1));
    byContact.put("thirdPlus", c.resolvedByContacts().get(2));
    byContact.put("unresolved", c.openTickets());
    int opened = t.opened();
    int resolved = c.resolvedTickets();
    return new TicketAnalyticsKpis(opened, byWeekdayAndHour, repliedByWeekday, medianByWeekday, repliedByHour,
        medianByHour, capped(t.openedByCategory()), byContact, resolved, ratio(resolved, opened),
        t.accountsWithComplaint(), t.activeAccounts(), ratio(t.accountsWithComplaint(), t.activeAccounts()),
        c.accounts(), ratio(opened, c.accounts()));
  }

  /** The most frequent categories (ties by name), then {@value #OTHER} when any are left over. */
  private static Map<String, Integer> capped(Map<String, Integer> byCategory) {
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(byCategory.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<String, Integer> capped = new LinkedHashMap<>();
    int rest = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (i < CATEGORIES) {
        capped.put(ranked.get(i).getKey(), ranked.get(i).getValue());
      } else {
        rest += ranked.get(i).getValue();
      }
    }
    if (ranked.size() > CATEGORIES) {
      // an upstream category literally named "other" is among the listed ones: the rest is added to it
      capped.merge(OTHER, rest, Integer::sum);
    }
    return capped;
  }

  private static Double ratio(int numerator, int denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }

  private static Long medianSeconds(List<Long> millis) {
    Duration median = Median.of(millis.stream().map(Duration::ofMillis).toList());
    return median == null ? null : median.toSeconds();
  }

  /** {@code 1-Mon} … {@code 7-Sun}, as the metrics label them. */
  static String weekday(DayOfWeek day) {
    return day.getValue() + "-" + day.getDisplayName(TextStyle.SHORT, Locale.ROOT);
  }

  private static String hour(int hour) {
    return String.format(Locale.ROOT, "%02d", hour);
  }
}
