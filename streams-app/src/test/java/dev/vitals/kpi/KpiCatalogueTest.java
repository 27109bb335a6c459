package dev.vitals.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vitals.schema.Segment;
import dev.vitals.testing.RepositoryRoot;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The KPI catalogue: valid, true to the metrics it names, and the source docs/kpis.md is generated from. */
class KpiCatalogueTest {
  private final KpiCatalogue catalogue = KpiCatalogue.bundled();

  @Test
  void shouldBeTheSourceOfDocsKpisMd() throws Exception {
    String written = Files.readString(RepositoryRoot.resolve("docs/kpis.md"));

    assertThat(written).as("docs/kpis.md is stale: run KpiCatalogueDocs").isEqualTo(catalogue.toMarkdown());
  }

  @Test
  void shouldBeTheSourceOfTheKpiTargetRules() throws Exception {
    String rules = Files.readString(RepositoryRoot.resolve(KpiCatalogueDocs.RULES));

    assertThat(rules).as("the KPI-target rules are stale: run KpiCatalogueDocs")
        .isEqualTo(KpiCatalogueDocs.withTargetRules(rules, KpiTargetRules.render(catalogue)));
  }

  @Test
  void shouldCompareEachKpiWithItsTargetInItsOwnDirection() {
    String rules = KpiTargetRules.render(catalogue);

    assertThat(rules).contains("""
              - record: kpi_segment:vitals_kpi_target_met:bool
                expr: |
                  label_replace(segment:vitals_nps:score, "kpi", "nps", "", "")
                    >= bool on (kpi, segment) max by (kpi, segment) (vitals_kpi_target{kpi="nps"})
        """);
    assertThat(rules).contains("""
                  label_replace(segment:vitals_logo_churn:ratio, "kpi", "logo_churn", "", "")
                    <= bool on (kpi, segment) max by (kpi, segment) (vitals_kpi_target{kpi="logo_churn"})
        """);
    assertThat(rules).contains("Not compared here: ").contains("accounts_at_risk");
  }

  @Test
  void shouldNameOnlySeriesAndRecordingRulesThatExist() throws Exception {
    String metrics = Files.readString(RepositoryRoot.resolve("docs/metrics.md"));
    String rules = Files.readString(RepositoryRoot.resolve("deploy/prometheus/rules/vitals-recording.yml"));

    assertThat(catalogue.kpis()).filteredOn(kpi -> kpi.series() != null).allSatisfy(kpi -> assertThat(
        metrics.contains("`" + kpi.series() + "`") || rules.contains("record: " + kpi.series()))
        .as("%s: %s", kpi.id(), kpi.series()).isTrue());
  }

  @Test
  void shouldFallBackToTheDefaultTargetForSegmentsNotListed() {
    KpiCatalogue.Kpi nps = catalogue.kpis().stream().filter(kpi -> kpi.id().equals("nps")).findFirst().orElseThrow();

    assertThat(nps.targetFor(Segment.ENTERPRISE)).isEqualTo(40);
    assertThat(nps.targetFor(Segment.MID_MARKET)).isEqualTo(30);
    assertThat(nps.layer()).isEqualTo(KpiCatalogue.Layer.STRATEGIC);
    assertThat(catalogue.kpis()).extracting(KpiCatalogue.Kpi::layer).contains(KpiCatalogue.Layer.values());
  }

  @Test
  void shouldRefuseAnEntryWithAClearMessage() throws Exception {
    String yaml = "kpis:\n  - {id: nps, name: NPS, layer: tactical, owner: VP, direction: higher, unit: points,"
        + " targets: {default: 30}}\n";

    assertThatThrownBy(() -> KpiCatalogue.parse("kpis.yaml", new YAMLMapper().readTree(yaml)))
        .hasMessage("kpis.yaml: kpis[0].layer: must be one of [strategic, operational, execution], was tactical");
  }

  @Test
  void shouldRefuseATargetForAnUnknownSegment() throws Exception {
    String yaml = "kpis:\n  - {id: nps, name: NPS, layer: strategic, owner: VP, direction: higher, unit: points,"
        + " targets: {default: 30, ENTERPRIZE: 40}}\n";

    assertThatThrownBy(() -> KpiCatalogue.parse("kpis.yaml", new YAMLMapper().readTree(yaml)))
        .hasMessage("kpis.yaml: kpis[0].targets.ENTERPRIZE: not a segment (or default)");
  }
}
