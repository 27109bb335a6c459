package dev.vitals.agent;

import dev.vitals.kpi.DurationHistogram;
import dev.vitals.kpi.KpiWindows;
import dev.vitals.state.stored.StoredAgentTicket;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;

/**
 * The support board's ticket analytics (SPEC §3: volume by weekday and hour with the median first response for each,
 * issue types, complaint rate) over the tickets opened in the {@link KpiWindows#TICKETS} before the stream time (the
 * latest step held), summed from the ticket entries agent attribution keeps anyway: counts per UTC hour of the week,
 * first-response buckets and seconds per weekday and per hour, counts per category, and the accounts that opened a
 * complaint. All additive, so instances add up. A ticket entry outlives its opening by at least the window (see
 * AgentAttribution's pruning), so none of the window's tickets is missing.
 */
public final class TicketMix {
  /** The category SPEC §3's complaint rate counts. */
  public static final String COMPLAINT = "complaint";
  /** The category of a ticket that was given none. */
  public static final String UNCATEGORISED = "none";
  private static final int BUCKETS = DurationHistogram.UPPER_BOUNDS.size() + 1;
  private static final char SEPARATOR = '\u001F';

  private final long[] openedByHourOfWeek = new long[7 * 24];
  private final long[][] firstResponsesByWeekday = new long[7][BUCKETS];
  private final long[] firstResponseSecondsByWeekday = new long[7];
  private final long[][] firstResponsesByHour = new long[24][BUCKETS];
  private final long[] firstResponseSecondsByHour = new long[24];
  private final Map<String, Long> openedByCategory = new TreeMap<>();
  private final Set<String> complainingAccounts = new TreeSet<>();

  /** The mix of {@code tickets} (key {@code accountId U+001F ticketId}). */
  public static TicketMix of(Iterable<KeyValue<String, StoredAgentTicket>> tickets) {
    long streamTime = Long.MIN_VALUE;
    for (KeyValue<String, StoredAgentTicket> ticket : tickets) {
      streamTime = Math.max(streamTime, ticket.value.getLastStepAt());
    }
    TicketMix mix = new TicketMix();
    long from = streamTime - KpiWindows.TICKETS.toMillis();
    for (KeyValue<String, StoredAgentTicket> ticket : tickets) {
      Long openedAt = ticket.value.getOpenedAt();
      // (stream time − 30 d, stream time], as the per-account ticket window
      if (openedAt != null && openedAt > from && openedAt <= streamTime) {
        mix.add(ticket.key.substring(0, Math.max(0, ticket.key.indexOf(SEPARATOR))), ticket.value);
      }
    }
    return mix;
  }

  private void add(String accountId, StoredAgentTicket ticket) {
    ZonedDateTime opened = Instant.ofEpochMilli(ticket.getOpenedAt()).atZone(ZoneOffset.UTC);
    int weekday = opened.getDayOfWeek().ordinal();
    int hour = opened.getHour();
    openedByHourOfWeek[weekday * 24 + hour]++;
    String category = ticket.getCategory() == null ? UNCATEGORISED : ticket.getCategory();
    openedByCategory.merge(category, 1L, Long::sum);
    if (COMPLAINT.equals(category)) {
      complainingAccounts.add(accountId);
    }
    Long repliedAt = ticket.getFirstReplyAt();
    if (repliedAt != null && repliedAt >= ticket.getOpenedAt()) {
      Duration firstResponse = Duration.ofMillis(repliedAt - ticket.getOpenedAt());
      int bucket = AgentHours.bucketOf(firstResponse);
      firstResponsesByWeekday[weekday][bucket]++;
      firstResponseSecondsByWeekday[weekday] += firstResponse.toSeconds();
      firstResponsesByHour[hour][bucket]++;
      firstResponseSecondsByHour[hour] += firstResponse.toSeconds();
    }
  }

  /** Tickets opened on {@code weekday} in UTC hour {@code hour}. */
  public long opened(DayOfWeek weekday, int hour) {
    return openedByHourOfWeek[weekday.ordinal() * 24 + hour];
  }

  /** First responses of tickets opened on {@code weekday}, per {@link DurationHistogram} bucket. */
  public long[] firstResponses(DayOfWeek weekday) {
    return firstResponsesByWeekday[weekday.ordinal()].clone();
  }

  public long firstResponseSeconds(DayOfWeek weekday) {
    return firstResponseSecondsByWeekday[weekday.ordinal()];
  }

  /** First responses of tickets opened in UTC hour {@code hour}, per {@link DurationHistogram} bucket. */
  public long[] firstResponses(int hour) {
    return firstResponsesByHour[hour].clone();
  }

  public long firstResponseSeconds(int hour) {
    return firstResponseSecondsByHour[hour];
  }

  /** Tickets opened per category ({@value #UNCATEGORISED} for those without one). */
  public Map<String, Long> openedByCategory() {
    return Map.copyOf(openedByCategory);
  }

  /** The accounts that opened a ticket of category {@value #COMPLAINT}. */
  public Set<String> complainingAccounts() {
    return Set.copyOf(complainingAccounts);
  }
}
