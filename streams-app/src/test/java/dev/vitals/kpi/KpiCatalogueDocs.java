package dev.vitals.kpi;

import dev.vitals.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes docs/kpis.md and the KPI-target group of deploy/prometheus/rules/vitals-recording.yml from the bundled
 * catalogue: run it after editing {@code vitals/kpis.yaml}.
 */
final class KpiCatalogueDocs {
  private KpiCatalogueDocs() {}

  public static void main(String[] args) throws IOException {
    Path file = RepositoryRoot.resolve("docs/kpis.md");
    Files.writeString(file, KpiCatalogue.bundled().toMarkdown());
    System.out.println("wrote " + file);
    Path rules = RepositoryRoot.resolve(RULES);
    Files.writeString(rules, withTargetRules(Files.readString(rules), KpiTargetRules.render(KpiCatalogue.bundled())));
    System.out.println("wrote " + rules);
  }

  static final String RULES = "deploy/prometheus/rules/vitals-recording.yml";

  /** {@code ruleFile} with its marked KPI-target block replaced by {@code block}. */
  static String withTargetRules(String ruleFile, String block) {
    int start = ruleFile.indexOf("  " + KpiTargetRules.START);
    int end = ruleFile.indexOf(KpiTargetRules.END, start);
    if (start < 0 || end < 0) {
      throw new IllegalStateException(RULES + " has no '" + KpiTargetRules.START + "' ... '" + KpiTargetRules.END
          + "' block");
    }
    return ruleFile.substring(0, start) + block + ruleFile.substring(ruleFile.indexOf('\n', end) + 1);
  }
}
