package dev.vitals.metrics;

import dev.vitals.agent.TicketMix;
import dev.vitals.kpi.DurationHistogram;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exports the support board's ticket analytics (docs/metrics.md) over the owned accounts: tickets opened in the last
 * 30 days by UTC weekday and hour, first-response histograms per weekday and per hour (their medians by recording
 * rule), tickets by category, and per segment the accounts that opened a complaint against the accounts with an
 * active user (the complaint rate's numerator and denominator). Weekday and hour series are not split by segment:
 * they are for staffing one support team; every weekday and hour is exported, zeros included, so the heatmap has no
 * holes. Categories are upstream strings: at most {@link #CATEGORY_CAP} are exported, the most frequent, the rest
 * summed as {@value #OTHER}.
 */
final class TicketMixTotals {
  static final int CATEGORY_CAP = 20;
  static final String OTHER = "other";
  private static final double[] DURATION_BOUNDS = DurationHistogram.UPPER_BOUNDS.stream()
      .mapToDouble(Duration::toSeconds).toArray();

  private TicketMixTotals() {}

  static void exportTo(TicketMix mix, List<OwnedAccount> accounts, MetricFamilies out) {
    for (DayOfWeek day : DayOfWeek.values()) {
      for (int hour = 0; hour < 24; hour++) {
        out.gauge("vitals_tickets_opened_by_hour_30d", "Tickets opened in the last 30 days, by UTC weekday and hour",
            Labels.of("weekday", weekday(day), "hour", hour(hour)), mix.opened(day, hour));
      }
    }
    for (DayOfWeek day : DayOfWeek.values()) {
      out.histogram("vitals_ticket_first_response_by_weekday_seconds",
          "OPENED to first reply of the tickets opened in the last 30 days, by UTC weekday opened",
          Labels.of("weekday", weekday(day)), DURATION_BOUNDS, mix.firstResponses(day),
          mix.firstResponseSeconds(day));
    }
    for (int hour = 0; hour < 24; hour++) {
      out.histogram("vitals_ticket_first_response_by_hour_seconds",
          "OPENED to first reply of the tickets opened in the last 30 days, by UTC hour opened",
          Labels.of("hour", hour(hour)), DURATION_BOUNDS, mix.firstResponses(hour), mix.firstResponseSeconds(hour));
    }
    capped(mix.openedByCategory()).forEach((category, count) -> out.gauge("vitals_tickets_opened_by_category_30d",
        "Tickets opened in the last 30 days, by category (issue type)", Labels.of("category", category), count));
    Map<String, long[]> bySegment = new TreeMap<>();
    Map<String, String> segmentOf = new HashMap<>();
    for (OwnedAccount account : accounts) {
      segmentOf.put(account.health().getAccountId(), account.segment());
      bySegment.computeIfAbsent(account.segment(), s -> new long[2])[1] +=
          account.health().getKpis().getActiveUsers30d() > 0 ? 1 : 0;
    }
    // A complaint of an account not yet evaluated has no segment to count in: it waits for its health record.
    mix.complainingAccounts().stream().map(segmentOf::get).filter(segment -> segment != null)
        .forEach(segment -> bySegment.get(segment)[0]++);
    bySegment.forEach((segment, counts) -> {
      Labels labels = Labels.of("segment", segment);
      out.gauge("vitals_accounts_with_complaint_30d",
          "Accounts that opened a ticket of category complaint in the last 30 days", labels, counts[0]);
      out.gauge("vitals_accounts_active_30d", "Accounts with at least one active user in the last 30 days", labels,
          counts[1]);
    });
  }

  private static Map<String, Long> capped(Map<String, Long> byCategory) {
    List<Map.Entry<String, Long>> ranked = new ArrayList<>(byCategory.entrySet());
    ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> capped = new TreeMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      capped.merge(i < CATEGORY_CAP ? ranked.get(i).getKey() : OTHER, ranked.get(i).getValue(), Long::sum);
    }
    return capped;
  }

  /** {@code 1-Mon} … {@code 7-Sun}: ordered as text, so a board sorts weekdays right. */
  static String weekday(DayOfWeek day) {
    return day.getValue() + "-" + day.getDisplayName(TextStyle.SHORT, Locale.ROOT);
  }

  private static String hour(int hour) {
    return String.format(Locale.ROOT, "%02d", hour);
  }
}
