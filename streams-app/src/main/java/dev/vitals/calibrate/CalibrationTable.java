package dev.vitals.calibrate;

import static java.util.Locale.ROOT;

import dev.vitals.calibrate.CalibrationReport.AtLeadTime;
import dev.vitals.calibrate.CalibrationReport.BandRow;
import dev.vitals.calibrate.CalibrationReport.FalseAlarms;
import dev.vitals.calibrate.CalibrationReport.LeadTimes;
import dev.vitals.calibrate.CalibrationReport.Period;
import dev.vitals.calibrate.CalibrationReport.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A calibration report as text for the terminal: the same figures as {@code calibration.json}, shares as percentages
 * with one decimal and their counts beside them, days as in the JSON (hundredths).
 */
public final class CalibrationTable {
  private static final int WIDTH = 116;

  private CalibrationTable() {}

  public static String render(CalibrationReport report, String modelVersion) {
    StringBuilder out = new StringBuilder();
    Period period = report.history();
    line(out, "Calibration of scoring model %s against cancellations", modelVersion);
    String span = period.from() == null ? "history without account events"
        : "history " + period.from() + " to " + period.to();
    line(out, "%s: %d accounts, %d cancelled, %d never cancelled (%d of them renewed)", span, period.accounts(),
        period.cancelled(), period.neverCancelled(), period.renewedNeverCancelled());
    out.append('\n');

    line(out, "%-15s %5s  %-26s %-26s", "band or worse", "lead", "recall", "precision");
    for (BandRow row : report.bands()) {
      for (AtLeadTime at : row.leadTimes()) {
        line(out, "%-15s %4dd  %-26s %-26s", row.band(), at.days(), ratio(at.recall()), ratio(at.precision()));
      }
    }
    out.append('\n');

    LeadTimes lead = report.atRiskLeadTime();
    line(out, "AT_RISK before a cancellation (%d cancellations)", lead.cancellations());
    line(out, "  %-36s %d, %d of them still AT_RISK just before the cancellation", "preceded", lead.preceded(),
        lead.precededWhileOpen());
    line(out, "  %-36s %s / %s / %s days", "lead time median / p10 / p90", days(lead.medianDays()),
        days(lead.p10Days()), days(lead.p90Days()));
    line(out, "  %-36s %-26s issue 13 target: >= %s", "preceded by >= 14 days", ratio(lead.precededByAtLeast14Days()),
        percent(report.targets().precededByAtLeast14DaysAtLeast()));
    line(out, "  %-36s %d%s", "never preceded", lead.neverPreceded().size(),
        lead.neverPreceded().isEmpty() ? "" : ": " + String.join(", ", lead.neverPreceded()));
    out.append('\n');

    FalseAlarms alarms = report.falseAlarms();
    line(out, "False alarms: %d accounts never cancelled (%d of them renewed)", alarms.accounts(), alarms.renewed());
    line(out, "  %-36s %d", "any time AT_RISK", alarms.anyTimeAtRisk());
    line(out, "  %-36s %-26s issue 13 target: < %s", "more than 7 days AT_RISK", ratio(alarms.moreThan7DaysAtRisk()),
        percent(report.targets().moreThan7DaysAtRiskBelow()));
    line(out, "  %-36s %s / %s / %s", "days AT_RISK median / p90 / max", days(alarms.medianDaysAtRisk()),
        days(alarms.p90DaysAtRisk()), days(alarms.maxDaysAtRisk()));
    out.append('\n');

    line(out, "Definitions:");
    for (Map.Entry<String, String> definition : report.definitions().entrySet()) {
      for (String wrapped : wrap(definition.getKey() + ": " + definition.getValue(), WIDTH - 4)) {
        line(out, "  %s", wrapped);
      }
    }
    return out.toString();
  }

  /** A share as {@code 12.3 % (4/33)}, or a dash with its counts when nothing was counted. */
  static String ratio(Ratio ratio) {
    String share = ratio.value() == null ? "-" : percent(ratio.value());
    return share + " (" + ratio.numerator() + "/" + ratio.denominator() + ")";
  }

  static String percent(double share) {
    return String.format(ROOT, "%.1f %%", share * 100);
  }

  static String days(Double days) {
    return days == null ? "-" : String.format(ROOT, "%.2f", days);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(ROOT, format, args).stripTrailing()).append('\n');
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" ")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > width) {
        lines.add(current.toString());
        current.setLength(0);
        current.append("  ");
      }
      if (current.length() > 0 && !current.toString().isBlank()) {
        current.append(' ');
      }
      current.append(word);
    }
    lines.add(current.toString());
    return lines;
  }
}
