package dev.vitals.calibrate;

import static dev.vitals.schema.HealthBand.AT_RISK;
import static dev.vitals.schema.HealthBand.HEALTHY;
import static dev.vitals.schema.HealthBand.NEUTRAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.calibrate.CalibrationReport.AtLeadTime;
import dev.vitals.calibrate.CalibrationReport.BandRow;
import dev.vitals.calibrate.CalibrationReport.Cancellation;
import dev.vitals.calibrate.CalibrationReport.FalseAlarms;
import dev.vitals.calibrate.CalibrationReport.LeadTimes;
import dev.vitals.calibrate.CalibrationReport.NeverCancelled;
import dev.vitals.calibrate.CalibrationReport.Ratio;
import dev.vitals.schema.HealthBand;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The calibration arithmetic on seven hand-built band timelines over 100 days, every figure worked out by hand below.
 *
 * <p>Day n is 2026-01-01T00:00Z + n days; every band change and cancellation is at noon (n.5), so the band at the
 * midnight of day k is unambiguous. The history ends at day 100 (midnight).
 *
 * <pre>
 *   A  HEALTHY 0.5, NEUTRAL 40.5, AT_RISK 60.5                    cancelled 80.5
 *   B  HEALTHY 0.5, AT_RISK 20.5, HEALTHY 30.5, AT_RISK 85.5       cancelled 90.5
 *   C  HEALTHY 50.5 (first seen), NEUTRAL 70.5, AT_RISK 95.5       cancelled 95.5 (AT_RISK only from the cancellation)
 *   G  HEALTHY 0.5, AT_RISK 39.5, NEUTRAL 45.5, AT_RISK 70.5       cancelled 70.5
 *   D  HEALTHY 0.5, AT_RISK 10.5, HEALTHY 13.5                     renewed
 *   E  NEUTRAL 0.5, AT_RISK 90.5                                   still subscribed
 *   F  HEALTHY 0.5                                                 still subscribed
 * </pre>
 *
 * Band at the midnight of day k (k from 1, C from 51): A HEALTHY 1-40, NEUTRAL 41-60, AT_RISK 61-80; B HEALTHY 1-20,
 * AT_RISK 21-30, HEALTHY 31-85, AT_RISK 86-90; C HEALTHY 51-70, NEUTRAL 71-95; G HEALTHY 1-39, AT_RISK 40-45,
 * NEUTRAL 46-70; D AT_RISK 11-13, else HEALTHY; E NEUTRAL 1-90, AT_RISK 91-100; F HEALTHY. A cancellation at m.5
 * falls within L days of the midnight of day k when k &lt; m.5 &lt;= k + L, i.e. k in [m - L + 1, m].
 */
class CalibrationTest {
  private static final Instant DAY_ZERO = Instant.parse("2026-01-01T00:00:00Z");

  private final CalibrationReport report = Calibration.of(history());

  @Test
  void shouldReportLeadTimeOfAtRiskBeforeEachCancellation() {
    // given the history above
    // when calibrated
    LeadTimes lead = report.atRiskLeadTime();
    Map<String, Cancellation> byAccount = new HashMap<>();
    report.cancellations().forEach(c -> byAccount.put(c.accountId(), c));

    // then A: AT_RISK from 60.5, still open at 80.5: 20 days.
    assertThat(byAccount.get("A").leadDays()).isEqualTo(20.0);
    assertThat(byAccount.get("A").atRiskOpenAtCancellation()).isTrue();
    // B: the latest AT_RISK episode before 90.5 began at 85.5 (the one of days 20.5-30.5 is older): 5 days.
    assertThat(byAccount.get("B").atRiskSince()).isEqualTo(day(85.5));
    assertThat(byAccount.get("B").leadDays()).isEqualTo(5.0);
    // G: AT_RISK 39.5-45.5, NEUTRAL until the cancellation at 70.5: the latest episode, 31 days, closed.
    assertThat(byAccount.get("G").leadDays()).isEqualTo(31.0);
    assertThat(byAccount.get("G").atRiskOpenAtCancellation()).isFalse();
    assertThat(byAccount.get("G").bandJustBefore()).isEqualTo(NEUTRAL);
    // C: AT_RISK only from the cancellation's own record: never preceded.
    assertThat(byAccount.get("C").atRiskSince()).isNull();
    assertThat(byAccount.get("C").leadDays()).isNull();
    assertThat(byAccount.get("C").bandJustBefore()).isEqualTo(NEUTRAL);
    // Leads sorted 5, 20, 31: median 20; p10 = rank ceil(0.3) = 1 -> 5; p90 = rank ceil(2.7) = 3 -> 31.
    assertThat(lead.cancellations()).isEqualTo(4);
    assertThat(lead.preceded()).isEqualTo(3);
    assertThat(lead.precededWhileOpen()).isEqualTo(2);
    assertThat(lead.medianDays()).isEqualTo(20.0);
    assertThat(lead.p10Days()).isEqualTo(5.0);
    assertThat(lead.p90Days()).isEqualTo(31.0);
    // A (20) and G (31) of all four cancellations by 14 days or more.
    assertThat(lead.precededByAtLeast14Days()).isEqualTo(new Ratio(2, 4, 0.5));
    assertThat(lead.neverPreceded()).containsExactly("C");
  }

  @Test
  void shouldComputeRecallPerBandAndLeadTimeAmongAccountsObservedThen() {
    // Bands at cancellation - L:
    //   L = 7:  A 73.5 AT_RISK, B 83.5 HEALTHY, C 88.5 NEUTRAL, G 63.5 NEUTRAL
    //   L = 30: A 50.5 NEUTRAL, B 60.5 HEALTHY, C 65.5 HEALTHY, G 40.5 AT_RISK
    //   L = 60: A 20.5 HEALTHY, B 30.5 HEALTHY (its change that instant counts), C 35.5 not yet seen, G 10.5 HEALTHY
    assertThat(recall(AT_RISK)).containsExactly(new Ratio(1, 4, 0.25), new Ratio(1, 4, 0.25), new Ratio(0, 3, 0.0));
    assertThat(recall(NEUTRAL)).containsExactly(new Ratio(3, 4, 0.75), new Ratio(2, 4, 0.5), new Ratio(0, 3, 0.0));
    assertThat(recall(HEALTHY)).containsExactly(new Ratio(4, 4, 1.0), new Ratio(4, 4, 1.0), new Ratio(3, 3, 1.0));
    assertThat(report.cancellations().stream().filter(c -> c.accountId().equals("C")).findFirst().orElseThrow()
        .bandDaysBefore()).containsEntry(7, NEUTRAL).containsEntry(30, HEALTHY).containsEntry(60, null);
  }

  @Test
  void shouldComputePrecisionOverAccountDaysWhoseOutcomeIsKnown() {
    // Midnights k <= 100 - L, before the account's cancellation. "flagged (cancelled within L)" per account:
    // AT_RISK, L = 7 (k <= 93): A 61-80: 20 (74-80: 7); B 21-30 and 86-90: 15 (86-90: 5); D 3; E 91-93: 3;
    //   G 40-45: 6 (hits from 64: 0) -> 12 / 47
    // AT_RISK, L = 30 (k <= 70): A 61-70: 10 (from 51: 10); B 21-30: 10 (from 61: 0); D 3; G 40-45: 6 (from 41: 5)
    //   -> 15 / 29
    // AT_RISK, L = 60 (k <= 40): B 10 (from 31: 0); D 3; G 40: 1 (from 11: 1) -> 1 / 14
    assertThat(precision(AT_RISK)).containsExactly(
        new Ratio(12, 47, 12.0 / 47), new Ratio(15, 29, 15.0 / 29), new Ratio(1, 14, 1.0 / 14));
    // NEUTRAL or worse, L = 7: A 41-80: 40 (7); B 15 (5); C 71-93: 23 (89-93: 5); D 3; E 1-93: 93; G 40-70: 31
    //   (64-70: 7) -> 24 / 205
    // L = 30: A 41-70: 30 (51-70: 20); B 10 (0); D 3; E 70; G 31 (41-70: 30) -> 50 / 144
    // L = 60: B 10; D 3; E 40; G 40: 1 (1) -> 1 / 54
    assertThat(precision(NEUTRAL)).containsExactly(
        new Ratio(24, 205, 24.0 / 205), new Ratio(50, 144, 50.0 / 144), new Ratio(1, 54, 1.0 / 54));
    // HEALTHY or worse (every observed account-day, the base rate), L = 7: A 80 (7), B 90 (84-90: 7),
    //   C 51-93: 43 (5), D, E, F 93 each, G 70 (7) -> 26 / 562
    // L = 30: A 70 (20), B 70 (61-70: 10), C 51-70: 20 (66-70: 5), D, E, F 70 each, G 70 (30) -> 65 / 440
    // L = 60: A 40 (21-40: 20), B 40 (31-40: 10), C not seen by 40, D, E, F 40 each, G 40 (11-40: 30) -> 60 / 240
    assertThat(precision(HEALTHY)).containsExactly(
        new Ratio(26, 562, 26.0 / 562), new Ratio(65, 440, 65.0 / 440), new Ratio(60, 240, 0.25));
  }

  @Test
  void shouldCountDaysAtRiskOfAccountsThatNeverCancelled() {
    // D: 10.5-13.5 = 3 days; E: 90.5 to the end at 100 = 9.5 days; F: none.
    assertThat(report.neverCancelled()).containsExactly(
        new NeverCancelled("D", true, 3.0), new NeverCancelled("E", false, 9.5), new NeverCancelled("F", false, 0.0));
    FalseAlarms alarms = report.falseAlarms();
    assertThat(alarms.accounts()).isEqualTo(3);
    assertThat(alarms.renewed()).isEqualTo(1);
    assertThat(alarms.anyTimeAtRisk()).isEqualTo(2);
    // Only E spent more than 7 days AT_RISK.
    assertThat(alarms.moreThan7DaysAtRisk()).isEqualTo(new Ratio(1, 3, 1.0 / 3));
    // Sorted 0, 3, 9.5: median 3; p90 = rank ceil(2.7) = 3 -> 9.5; max 9.5.
    assertThat(alarms.medianDaysAtRisk()).isEqualTo(3.0);
    assertThat(alarms.p90DaysAtRisk()).isEqualTo(9.5);
    assertThat(alarms.maxDaysAtRisk()).isEqualTo(9.5);
  }

  @Test
  void shouldSplitTheAccountsByOutcome() {
    assertThat(report.history().from()).isEqualTo(day(0.5));
    assertThat(report.history().to()).isEqualTo(day(100));
    assertThat(report.history().accounts()).isEqualTo(7);
    assertThat(report.history().cancelled()).isEqualTo(4);
    assertThat(report.history().neverCancelled()).isEqualTo(3);
    assertThat(report.history().renewedNeverCancelled()).isEqualTo(1);
    assertThat(report.cancellations()).extracting(Cancellation::accountId).containsExactly("A", "B", "C", "G");
    assertThat(report.bands()).extracting(BandRow::band).containsExactly(AT_RISK, NEUTRAL, HEALTHY);
    assertThat(report.bands().get(1).counts()).containsExactly(AT_RISK, NEUTRAL);
  }

  @Test
  void shouldKeepOnlyBandChangesAndLetTheLaterRecordAtAnInstantWin() {
    // given records HEALTHY, HEALTHY, then AT_RISK and NEUTRAL at the same instant, then NEUTRAL again
    BandTimeline timeline = new BandTimeline()
        .record(day(1), HEALTHY)
        .record(day(2), HEALTHY)
        .record(day(3), AT_RISK)
        .record(day(3), NEUTRAL)
        .record(day(4), NEUTRAL);

    // then two changes remain: HEALTHY from day 1, NEUTRAL from day 3 (the later record at day 3 saw more)
    assertThat(timeline.changes()).isEqualTo(2);
    assertThat(timeline.bandAt(day(0.9))).isNull();
    assertThat(timeline.bandAt(day(1))).isEqualTo(HEALTHY);
    assertThat(timeline.bandAt(day(3))).isEqualTo(NEUTRAL);
    assertThat(timeline.episodes(AT_RISK)).isEmpty();
    assertThat(timeline.timeIn(NEUTRAL, day(0), day(10))).isEqualTo(Duration.ofDays(7));
  }

  private List<Ratio> recall(HealthBand band) {
    return row(band).stream().map(AtLeadTime::recall).toList();
  }

  private List<Ratio> precision(HealthBand band) {
    return row(band).stream().map(AtLeadTime::precision).toList();
  }

  private List<AtLeadTime> row(HealthBand band) {
    BandRow row = report.bands().stream().filter(r -> r.band() == band).findFirst().orElseThrow();
    assertThat(row.leadTimes()).extracting(AtLeadTime::days).containsExactly(7, 30, 60);
    return row.leadTimes();
  }

  private static ObservedHistory history() {
    Map<String, BandTimeline> timelines = Map.of(
        "A", new BandTimeline().record(day(0.5), HEALTHY).record(day(40.5), NEUTRAL).record(day(60.5), AT_RISK)
            .record(day(80.5), AT_RISK),
        "B", new BandTimeline().record(day(0.5), HEALTHY).record(day(20.5), AT_RISK).record(day(30.5), HEALTHY)
            .record(day(85.5), AT_RISK),
        "C", new BandTimeline().record(day(50.5), HEALTHY).record(day(70.5), NEUTRAL).record(day(95.5), AT_RISK),
        "G", new BandTimeline().record(day(0.5), HEALTHY).record(day(39.5), AT_RISK).record(day(45.5), NEUTRAL)
            .record(day(70.5), AT_RISK),
        "D", new BandTimeline().record(day(0.5), HEALTHY).record(day(10.5), AT_RISK).record(day(13.5), HEALTHY),
        "E", new BandTimeline().record(day(0.5), NEUTRAL).record(day(90.5), AT_RISK),
        "F", new BandTimeline().record(day(0.5), HEALTHY));
    Map<String, Instant> cancelledAt = Map.of("A", day(80.5), "B", day(90.5), "C", day(95.5), "G", day(70.5));
    return new ObservedHistory(timelines, cancelledAt, Set.of("D"), day(100));
  }

  /** Day {@code n} (fractions for hours) after 2026-01-01T00:00Z. */
  private static Instant day(double n) {
    return DAY_ZERO.plus(Duration.ofMinutes(Math.round(n * 24 * 60)));
  }
}
