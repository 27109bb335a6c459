package dev.vitals.calibrate;

import dev.vitals.schema.HealthBand;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How well the bands predicted the cancellations of a history ({@link Calibration}); written as {@code
 * calibration.json} and printed as a table ({@link CalibrationTable}). Days are decimal days rounded to hundredths;
 * shares are exact quotients of the counts beside them, null when nothing was counted.
 */
public record CalibrationReport(
    Period history,
    Map<String, String> definitions,
    List<BandRow> bands,
    LeadTimes atRiskLeadTime,
    FalseAlarms falseAlarms,
    Targets targets,
    List<Cancellation> cancellations,
    List<NeverCancelled> neverCancelled) {

  /** The history measured: its first health record and end, and how its accounts split by outcome. */
  public record Period(Instant from, Instant to, int accounts, int cancelled, int neverCancelled,
      int renewedNeverCancelled) {}

  /** {@code numerator / denominator}; {@code value} null when the denominator is 0. */
  public record Ratio(long numerator, long denominator, Double value) {

    static Ratio of(long numerator, long denominator) {
      return new Ratio(numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
    }
  }

  /** One band: recall and precision of "in this band or worse" at each lead time. */
  public record BandRow(HealthBand band, List<HealthBand> counts, List<AtLeadTime> leadTimes) {}

  /** Recall and precision of one band at one lead time (see the definitions). */
  public record AtLeadTime(int days, Ratio recall, Ratio precision) {}

  /** The lead time with which AT_RISK preceded the cancellations. */
  public record LeadTimes(int cancellations, int preceded, int precededWhileOpen, Double medianDays, Double p10Days,
      Double p90Days, Ratio precededByAtLeast14Days, List<String> neverPreceded) {}

  /** Time spent AT_RISK by the accounts that never cancelled. */
  public record FalseAlarms(int accounts, int renewed, int anyTimeAtRisk, Ratio moreThan7DaysAtRisk,
      Double medianDaysAtRisk, Double p90DaysAtRisk, Double maxDaysAtRisk) {}

  /** Issue 13's targets, for the reader: measured above, not enforced. */
  public record Targets(double precededByAtLeast14DaysAtLeast, double moreThan7DaysAtRiskBelow) {}

  /**
   * One cancelled account: when it cancelled, its band just before, the start of the AT_RISK episode that preceded
   * the cancellation (null when none did), the lead time in days, whether that episode was still open just before
   * the cancellation, and its band at each lead time before the cancellation (null when not yet observed).
   */
  public record Cancellation(String accountId, Instant cancelledAt, HealthBand bandJustBefore, Instant atRiskSince,
      Double leadDays, Boolean atRiskOpenAtCancellation, Map<Integer, HealthBand> bandDaysBefore) {}

  /** One account that never cancelled: whether it renewed, and the days it spent AT_RISK. */
  public record NeverCancelled(String accountId, boolean renewed, double daysAtRisk) {}
}
