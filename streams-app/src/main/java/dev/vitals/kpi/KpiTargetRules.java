package dev.vitals.kpi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The Prometheus recording rules that say, per KPI of the catalogue, whether its value meets its target (SPEC §3,
 * attainment): rendered from the catalogue into the marked group of {@code deploy/prometheus/rules/
 * vitals-recording.yml}, so a target changed in {@code vitals/kpis.yaml} changes what the boards and the
 * VitalsKpiTargetMissed alert compare with ({@code KpiCatalogueTest} fails while the two differ).
 *
 * <p>A KPI computed per segment (a {@code segment:} recording rule) is compared with its segment's target
 * ({@code vitals_kpi_target}); one computed for the whole portfolio (a {@code vitals:} rule, the cost KPIs) with the
 * target all segments share. The others are left to the board's eye, and listed as such: a per-account series has no
 * portfolio value, and accounts at risk is one band of a per-band rule.
 */
public final class KpiTargetRules {
  public static final String START = "# kpi-targets:start";
  public static final String END = "# kpi-targets:end";
  static final String PER_SEGMENT = "kpi_segment:vitals_kpi_target_met:bool";
  static final String PORTFOLIO = "kpi:vitals_kpi_target_met:bool";

  private KpiTargetRules() {}

  /** The marked block, markers included, indented as a group of the rule file. */
  public static String render(KpiCatalogue catalogue) {
    StringBuilder rules = new StringBuilder();
    List<String> leftOut = new ArrayList<>();
    for (KpiCatalogue.Kpi kpi : catalogue.kpis()) {
      if (kpi.series() == null) {
        continue;
      }
      if (kpi.series().startsWith("segment:")) {
        rules.append(rule(PER_SEGMENT, kpi, "kpi, segment"));
      } else if (kpi.series().startsWith("vitals:") && new HashSet<>(kpi.targets().values()).size() == 1) {
        rules.append(rule(PORTFOLIO, kpi, "kpi"));
      } else {
        leftOut.add(kpi.id());
      }
    }
    return "  " + START + " (generated from vitals/kpis.yaml by KpiTargetRules: run KpiCatalogueDocs)\n"
        + "  # 1 when the KPI meets its target (>= for higher-is-better KPIs, <= for lower), else 0; a KPI without a\n"
        + "  # value (no respondents, no paying account) has no series.\n"
        + "  # Not compared here: " + String.join(", ", leftOut) + ".\n"
        + "  - name: vitals-kpi-targets\n"
        + "    rules:\n"
        + rules
        + "  " + END + "\n";
  }

  private static String rule(String record, KpiCatalogue.Kpi kpi, String matchOn) {
    String comparison = kpi.direction() == KpiCatalogue.Direction.HIGHER ? ">=" : "<=";
    return String.format(Locale.ROOT, """
              - record: %s
                expr: |
                  label_replace(%s, "kpi", "%s", "", "")
                    %s bool on (%s) max by (%s) (vitals_kpi_target{kpi="%s"})
                labels:
                  kpi: %s
                  layer: %s
        """, record, kpi.series(), kpi.id(), comparison, matchOn, matchOn, kpi.id(), kpi.id(),
        kpi.layer().name().toLowerCase(Locale.ROOT));
  }
}
