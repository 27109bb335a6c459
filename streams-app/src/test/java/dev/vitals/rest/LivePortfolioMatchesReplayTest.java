package dev.vitals.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.kpi.KpiPeriod;
import dev.vitals.kpi.PortfolioKpis;
import dev.vitals.kpi.PortfolioShare;
import dev.vitals.replay.Replay;
import dev.vitals.schema.CostEntry;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.PipelineDriver;
import dev.vitals.topology.StoreNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /kpis} gathers each instance's share of the portfolio from its stores, as of the latest event clock,
 * and merges the shares; {@code replay} tallies every account it holds in memory. On the same simulated events
 * (costs included) both must give the same report, number for number, for every period.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePortfolioMatchesReplayTest {
  private static final ScoringConfig CONFIG = ScoringConfig.defaults();

  private Path dir;
  private Path history;
  private PipelineDriver pipeline;

  @BeforeAll
  void runTheTopology(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    HistorySimulator simulator = new HistorySimulator(11, 12, Instant.parse("2026-05-01T00:00:00Z"), 75);
    List<SpecificRecord> events = simulator.stream().toList();
    assertThat(events).anyMatch(CostEntry.class::isInstance);
    history = dir.resolve("history.jsonl");
    try (Writer writer = Files.newBufferedWriter(history)) {
      simulator.writeJsonLines(writer);
    }
    pipeline = new PipelineDriver(CONFIG);
    events.forEach(pipeline::send);
    pipeline.flush();
  }

  @AfterAll
  void close() {
    pipeline.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {30, 90, 365})
  void shouldReportWhatReplayWritesToKpisJson(int days) throws IOException {
    KpiPeriod period = new KpiPeriod(days);
    Path out = dir.resolve("out-" + days);
    new Replay(CONFIG, period).run(history, out, new PrintWriter(new StringWriter()));
    JsonNode replayed = PortfolioQueries.JSON.readTree(out.resolve("kpis.json").toFile());

    JsonNode live = PortfolioQueries.JSON.valueToTree(fromTheStores(period));

    assertThat(live.get("overall").get("accounts").asInt()).isEqualTo(12);
    assertThat(live.get("costs").get("monthsReported").get("SUPPORT").asInt()).isPositive();
    // the ticket analytics section is filled, so its equality below is not that of two empty sections
    JsonNode tickets = live.get("overall").get("tickets");
    assertThat(tickets.get("opened30d").asInt()).isPositive();
    assertThat(tickets.get("openedByCategory").size()).isPositive();
    assertThat(tickets.get("firstResponseMedianSecondsByWeekday").size()).isEqualTo(7);
    assertThat(live.toPrettyString()).isEqualTo(replayed.toPrettyString());
  }

  /**
   * The report from the topology's stores, with this instance's share travelling through JSON (as it does to the
   * instance gathering a report) and merged with the empty share of a second instance.
   */
  private PortfolioKpis fromTheStores(KpiPeriod period) throws IOException {
    LocalPortfolio local = new LocalPortfolio(pipeline.store(StoreNames.ACCOUNT_SUMMARY),
        pipeline.store(StoreNames.ACCOUNT_LEDGER), pipeline.store(StoreNames.ACCOUNT_HEALTH),
        pipeline.store(StoreNames.COST_LEDGER), pipeline.store(StoreNames.EVENT_CLOCK));
    Instant asOf = local.clock().orElseThrow();
    String travelled = PortfolioQueries.JSON.writeValueAsString(local.share(asOf, period));
    PortfolioShare share = PortfolioQueries.JSON.readValue(travelled, PortfolioShare.class);
    PortfolioShare idle = new PortfolioShare.Builder(asOf, period).build();
    return PortfolioKpis.of(idle.plus(share), CONFIG.portfolio().grossMargin());
  }
}
