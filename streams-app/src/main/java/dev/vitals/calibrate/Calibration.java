package dev.vitals.calibrate;

import dev.vitals.calibrate.BandTimeline.Episode;
import dev.vitals.calibrate.CalibrationReport.AtLeadTime;
import dev.vitals.calibrate.CalibrationReport.BandRow;
import dev.vitals.calibrate.CalibrationReport.Cancellation;
import dev.vitals.calibrate.CalibrationReport.FalseAlarms;
import dev.vitals.calibrate.CalibrationReport.LeadTimes;
import dev.vitals.calibrate.CalibrationReport.NeverCancelled;
import dev.vitals.calibrate.CalibrationReport.Period;
import dev.vitals.calibrate.CalibrationReport.Ratio;
import dev.vitals.calibrate.CalibrationReport.Targets;
import dev.vitals.schema.HealthBand;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The calibration arithmetic: from each account's band timeline and outcome ({@link ObservedHistory}), how well the
 * bands predicted the cancellations. Pure: no file, no pipeline. The definitions are {@link #DEFINITIONS}, written
 * into the report itself and into docs/scoring.md.
 */
public final class Calibration {
  /** The lead times measured, in days before the cancellation. */
  public static final List<Integer> LEAD_TIMES_DAYS = List.of(7, 30, 60);
  /** The bands reported, worst first; each row counts its band and every worse one. */
  public static final List<HealthBand> BANDS = List.of(HealthBand.AT_RISK, HealthBand.NEUTRAL, HealthBand.HEALTHY);
  static final int LONG_LEAD_DAYS = 14;
  static final int FALSE_ALARM_DAYS = 7;
  /** Issue 13: AT_RISK precedes at least 80 % of cancellations by 14 days or more. */
  static final double TARGET_PRECEDED = 0.8;
  /** Issue 13: fewer than 10 % of the accounts that never cancelled spend more than 7 days AT_RISK. */
  static final double TARGET_FALSE_ALARMS = 0.1;
  private static final double SECONDS_PER_DAY = 86_400.0;

  /** The definitions of every figure, in words; part of the report. */
  public static final Map<String, String> DEFINITIONS = definitions();

  private Calibration() {}

  public static CalibrationReport of(ObservedHistory history) {
    TreeSet<String> accounts = new TreeSet<>(history.timelines().keySet());
    accounts.addAll(history.cancelledAt().keySet());
    List<String> cancelled = accounts.stream().filter(history.cancelledAt()::containsKey).toList();
    List<String> neverCancelled = accounts.stream().filter(a -> !history.cancelledAt().containsKey(a)).toList();

    List<Cancellation> cancellations = cancelled.stream()
        .map(account -> cancellation(account, timeline(history, account), history.cancelledAt().get(account)))
        .toList();
    List<NeverCancelled> quiet = neverCancelled.stream()
        .map(account -> neverCancelled(account, timeline(history, account), history))
        .toList();
    List<BandRow> bands = BANDS.stream().map(band -> bandRow(band, history, cancelled)).toList();

    Instant from = history.timelines().values().stream().map(BandTimeline::observedFrom)
        .filter(instant -> instant != null).min(Instant::compareTo).orElse(null);
    int renewed = (int) quiet.stream().filter(NeverCancelled::renewed).count();
    return new CalibrationReport(
        new Period(from, history.end(), accounts.size(), cancelled.size(), neverCancelled.size(), renewed),
        DEFINITIONS, bands, leadTimes(cancellations), falseAlarms(quiet, renewed),
        new Targets(TARGET_PRECEDED, TARGET_FALSE_ALARMS), cancellations, quiet);
  }

  /** Whether {@code band} counts as {@code row} "or worse". */
  static boolean atOrWorse(HealthBand band, HealthBand row) {
    return band != null && severity(band) >= severity(row);
  }

  private static int severity(HealthBand band) {
    return switch (band) {
      case HEALTHY -> 0;
      case NEUTRAL -> 1;
      case AT_RISK -> 2;
    };
  }

  private static BandTimeline timeline(ObservedHistory history, String account) {
    return history.timelines().getOrDefault(account, new BandTimeline());
  }

  // --- per band and lead time ---------------------------------------------------------------------------------

  private static BandRow bandRow(HealthBand band, ObservedHistory history, List<String> cancelled) {
    List<HealthBand> counts = BANDS.stream().filter(other -> atOrWorse(other, band)).toList();
    List<AtLeadTime> rows = LEAD_TIMES_DAYS.stream()
        .map(days -> new AtLeadTime(days, recall(band, days, history, cancelled), precision(band, days, history)))
        .toList();
    return new BandRow(band, counts, rows);
  }

  /** Cancelled accounts in the band or worse {@code days} before the cancellation, of those observed then. */
  private static Ratio recall(HealthBand band, int days, ObservedHistory history, List<String> cancelled) {
    long observed = 0;
    long inBand = 0;
    for (String account : cancelled) {
      Instant before = history.cancelledAt().get(account).minus(Duration.ofDays(days));
      HealthBand then = timeline(history, account).bandAt(before);
      if (then != null) {
        observed++;
        if (atOrWorse(then, band)) {
          inBand++;
        }
      }
    }
    return Ratio.of(inBand, observed);
  }

  /**
   * Of the account-days in the band or worse, those whose account cancelled within {@code days}: an account-day is
   * an account at a UTC midnight at which it was observed and not yet cancelled, at least {@code days} before the
   * end of the history.
   */
  private static Ratio precision(HealthBand band, int days, ObservedHistory history) {
    Duration lead = Duration.ofDays(days);
    Instant lastMidnight = history.end() == null ? null : history.end().minus(lead);
    long flagged = 0;
    long followedByCancellation = 0;
    for (Map.Entry<String, BandTimeline> entry : history.timelines().entrySet()) {
      BandTimeline timeline = entry.getValue();
      Instant cancelledAt = history.cancelledAt().get(entry.getKey());
      if (timeline.observedFrom() == null || lastMidnight == null) {
        continue;
      }
      for (Instant midnight = firstMidnightFrom(timeline.observedFrom());
          !midnight.isAfter(lastMidnight) && (cancelledAt == null || midnight.isBefore(cancelledAt));
          midnight = midnight.plus(Duration.ofDays(1))) {
        if (atOrWorse(timeline.bandAt(midnight), band)) {
          flagged++;
          if (cancelledAt != null && !cancelledAt.isAfter(midnight.plus(lead))) {
            followedByCancellation++;
          }
        }
      }
    }
    return Ratio.of(followedByCancellation, flagged);
  }

  private static Instant firstMidnightFrom(Instant instant) {
    Instant midnight = instant.truncatedTo(ChronoUnit.DAYS);
    return midnight.isBefore(instant) ? midnight.plus(Duration.ofDays(1)) : midnight;
  }

  // --- lead time of AT_RISK before each cancellation ----------------------------------------------------------

  private static Cancellation cancellation(String account, BandTimeline timeline, Instant cancelledAt) {
    Episode preceding = null;
    for (Episode episode : timeline.episodes(HealthBand.AT_RISK)) {
      if (episode.from().isBefore(cancelledAt)) {
        preceding = episode; // the latest one that began before the cancellation
      }
    }
    Map<Integer, HealthBand> bandDaysBefore = new LinkedHashMap<>();
    for (int days : LEAD_TIMES_DAYS) {
      bandDaysBefore.put(days, timeline.bandAt(cancelledAt.minus(Duration.ofDays(days))));
    }
    return new Cancellation(account, cancelledAt, timeline.bandAt(cancelledAt.minusNanos(1)),
        preceding == null ? null : preceding.from(),
        preceding == null ? null : roundedDays(Duration.between(preceding.from(), cancelledAt)),
        preceding == null ? null : preceding.openJustBefore(cancelledAt),
        bandDaysBefore);
  }

  private static LeadTimes leadTimes(List<Cancellation> cancellations) {
    List<Double> leads = new ArrayList<>();
    List<String> neverPreceded = new ArrayList<>();
    int whileOpen = 0;
    int longLead = 0;
    for (Cancellation cancellation : cancellations) {
      if (cancellation.atRiskSince() == null) {
        neverPreceded.add(cancellation.accountId());
        continue;
      }
      // The published (rounded) lead times, so that the figures can be recounted from the report's own list.
      double days = cancellation.leadDays();
      leads.add(days);
      if (days >= LONG_LEAD_DAYS) {
        longLead++;
      }
      if (cancellation.atRiskOpenAtCancellation()) {
        whileOpen++;
      }
    }
    leads.sort(null);
    return new LeadTimes(cancellations.size(), leads.size(), whileOpen, rounded(median(leads)),
        rounded(nearestRank(leads, 0.10)), rounded(nearestRank(leads, 0.90)),
        Ratio.of(longLead, cancellations.size()), neverPreceded);
  }

  // --- false alarms among the accounts that never cancelled ---------------------------------------------------

  private static NeverCancelled neverCancelled(String account, BandTimeline timeline, ObservedHistory history) {
    Instant from = timeline.observedFrom();
    Duration atRisk = from == null ? Duration.ZERO : timeline.timeIn(HealthBand.AT_RISK, from, history.end());
    return new NeverCancelled(account, history.renewed().contains(account), roundedDays(atRisk));
  }

  private static FalseAlarms falseAlarms(List<NeverCancelled> accounts, int renewed) {
    List<Double> days = accounts.stream().map(NeverCancelled::daysAtRisk).sorted().toList();
    long any = days.stream().filter(d -> d > 0).count();
    long overWeek = days.stream().filter(d -> d > FALSE_ALARM_DAYS).count();
    return new FalseAlarms(accounts.size(), renewed, (int) any, Ratio.of(overWeek, accounts.size()),
        rounded(median(days)), rounded(nearestRank(days, 0.90)), days.isEmpty() ? null : days.get(days.size() - 1));
  }

  // --- figures ------------------------------------------------------------------------------------------------

  /** The middle value of sorted figures, or the mean of the two middle ones; null when there are none. */
  static Double median(List<Double> sorted) {
    if (sorted.isEmpty()) {
      return null;
    }
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** Nearest-rank percentile of sorted figures: the smallest value with at least {@code share} of them at or below. */
  static Double nearestRank(List<Double> sorted, double share) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(share * sorted.size());
    return sorted.get(Math.min(Math.max(rank, 1), sorted.size()) - 1);
  }

  private static double roundedDays(Duration duration) {
    return rounded(duration.toMillis() / 1000.0 / SECONDS_PER_DAY);
  }

  private static Double rounded(Double days) {
    return days == null ? null : Math.round(days * 100) / 100.0;
  }

  private static Map<String, String> definitions() {
    Map<String, String> definitions = new LinkedHashMap<>();
    definitions.put("band", "An account's band at an instant is the band of its latest health record whose asOf is at"
        + " or before that instant (records are emitted when the account's health changes, and every account is"
        + " re-evaluated when the event clock enters a new UTC day, so a change is dated by the account's latest"
        + " event at the evaluation that saw it: within a day); before its first record it is not observed.");
    definitions.put("cancellation", "The outcome: the occurredAt of an account's earliest CANCELLED billing event;"
        + " later ones are ignored. Accounts without one never cancelled (renewed or still subscribed at the end of"
        + " the history, the latest event time the pipeline took).");
    definitions.put("inBandOrWorse", "AT_RISK counts AT_RISK; NEUTRAL counts NEUTRAL and AT_RISK; HEALTHY counts"
        + " every band, so its precision is the base rate of cancellation, the baseline to beat.");
    definitions.put("recall", "recall(B, L) = cancelled accounts in band B or worse at (cancellation - L days) /"
        + " cancelled accounts observed at (cancellation - L days).");
    definitions.put("precision", "precision(B, L) = account-days in band B or worse followed by the account's"
        + " cancellation within L days (midnight < cancellation <= midnight + L days) / account-days in band B or"
        + " worse. An account-day is an account at a UTC midnight at which it is observed and not yet cancelled, at"
        + " least L days before the end of the history (so its outcome is known).");
    definitions.put("leadTime", "For each cancellation: cancellation - start of the latest AT_RISK episode that"
        + " began before it (the one still open just before the cancellation, or else the latest that had ended);"
        + " none: never preceded. Median = the middle value (mean of the two middle ones); p10, p90 = nearest rank;"
        + " both over the preceded cancellations. The share preceded by >= 14 days is of all cancellations.");
    definitions.put("falseAlarms", "For each account that never cancelled: days in AT_RISK from its first health"
        + " record to the end of the history; the share is of all accounts that never cancelled. Median and p90"
        + " (nearest rank) over the same accounts, zeros included.");
    return Collections.unmodifiableMap(definitions);
  }
}
