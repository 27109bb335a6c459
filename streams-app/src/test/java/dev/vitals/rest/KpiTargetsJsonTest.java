package dev.vitals.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.kpi.KpiCatalogue;
import org.junit.jupiter.api.Test;

class KpiTargetsJsonTest {
  @Test
  void shouldGiveEveryKpiItsTargetForEachSegmentWithTheDefaultResolved() throws Exception {
    KpiCatalogue catalogue = KpiCatalogue.bundled();

    JsonNode body = new ObjectMapper().readTree(KpiTargetsJson.of(catalogue));

    assertThat(body.path("kpis")).hasSize(catalogue.kpis().size());
    JsonNode nps = findById(body, "nps");
    // vitals/kpis.yaml: default 30, ENTERPRISE 40, SMB 20; MID_MARKET falls back to the default
    assertThat(nps.path("targets").path("ENTERPRISE").asDouble()).isEqualTo(40.0);
    assertThat(nps.path("targets").path("MID_MARKET").asDouble()).isEqualTo(30.0);
    assertThat(nps.path("targets").path("SMB").asDouble()).isEqualTo(20.0);
    assertThat(nps.path("direction").asText()).isEqualTo("higher");
    assertThat(nps.path("layer").asText()).isEqualTo("strategic");
    assertThat(nps.path("series").asText()).isEqualTo("segment:vitals_nps:score");
  }

  private static JsonNode findById(JsonNode body, String id) {
    for (JsonNode kpi : body.path("kpis")) {
      if (kpi.path("id").asText().equals(id)) {
        return kpi;
      }
    }
    throw new AssertionError("no KPI " + id);
  }
}
