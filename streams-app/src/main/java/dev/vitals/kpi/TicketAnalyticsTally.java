package dev.vitals.kpi;

import dev.vitals.kpi.TicketHistory.TicketLifecycle;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds accounts' tickets (or other instances' {@link TicketAnalyticsCounts}) up into one segment's ticket analytics
 * counts as of one instant. Reads the tickets every account state keeps anyway ({@link TicketBook}), at report time:
 * no cost per event, no store of its own, and the account's profile is at hand, so the figures exist per segment.
 */
final class TicketAnalyticsTally {
  /** The category SPEC §3's complaint rate counts. */
  static final String COMPLAINT = "complaint";
  /** The category of a ticket that was given none. */
  static final String UNCATEGORISED = "none";
  static final int WEEKDAYS = 7;
  static final int HOURS = 24;

  private final Instant asOf;
  private final int[] openedByHourOfWeek = new int[WEEKDAYS * HOURS];
  private final List<List<Long>> firstResponsesByWeekday = emptyLists(WEEKDAYS);
  private final List<List<Long>> firstResponsesByHour = emptyLists(HOURS);
  private final Map<String, Integer> openedByCategory = new TreeMap<>();
  private int accountsWithComplaint;
  private int activeAccounts;

  TicketAnalyticsTally(Instant asOf) {
    this.asOf = asOf;
  }

  /** Adds one account's tickets opened in the window; {@code active} when it had an active user in 30 days. */
  void add(TicketBook book, boolean active) {
    activeAccounts += active ? 1 : 0;
    Instant from = asOf.minus(KpiWindows.TICKETS);
    boolean complained = false;
    for (TicketHistory history : book.tickets.values()) {
      TicketLifecycle ticket = history.asOf(asOf);
      if (ticket == null || !TicketBook.within(ticket.openedAt(), from, asOf)) {
        continue;
      }
      ZonedDateTime opened = ticket.openedAt().atZone(ZoneOffset.UTC);
      int weekday = opened.getDayOfWeek().ordinal();
      int hour = opened.getHour();
      openedByHourOfWeek[weekday * HOURS + hour]++;
      String category = history.category == null ? UNCATEGORISED : history.category;
      openedByCategory.merge(category, 1, Integer::sum);
      complained |= COMPLAINT.equals(category);
      if (ticket.firstResponse() != null) {
        firstResponsesByWeekday.get(weekday).add(ticket.firstResponse().toMillis());
        firstResponsesByHour.get(hour).add(ticket.firstResponse().toMillis());
      }
    }
    // an account counts once however many complaints it opened
    accountsWithComplaint += complained ? 1 : 0;
  }

  /** Adds the counts another instance tallied over its own accounts, as of the same instant. */
  void add(TicketAnalyticsCounts other) {
    for (int i = 0; i < openedByHourOfWeek.length; i++) {
      openedByHourOfWeek[i] += other.openedByHourOfWeek().get(i);
    }
    for (int i = 0; i < WEEKDAYS; i++) {
      firstResponsesByWeekday.get(i).addAll(other.firstResponseMillisByWeekday().get(i));
    }
    for (int i = 0; i < HOURS; i++) {
      firstResponsesByHour.get(i).addAll(other.firstResponseMillisByHour().get(i));
    }
    other.openedByCategory().forEach((category, count) -> openedByCategory.merge(category, count, Integer::sum));
    accountsWithComplaint += other.accountsWithComplaint();
    activeAccounts += other.activeAccounts();
  }

  TicketAnalyticsCounts counts() {
    List<Integer> opened = new ArrayList<>(openedByHourOfWeek.length);
    for (int count : openedByHourOfWeek) {
      opened.add(count);
    }
    return new TicketAnalyticsCounts(List.copyOf(opened), copies(firstResponsesByWeekday),
        copies(firstResponsesByHour), Collections.unmodifiableMap(new TreeMap<>(openedByCategory)), accountsWithComplaint,
        activeAccounts);
  }

  private static List<List<Long>> emptyLists(int size) {
    List<List<Long>> lists = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  private static List<List<Long>> copies(List<List<Long>> lists) {
    return lists.stream().map(List::copyOf).toList();
  }
}
