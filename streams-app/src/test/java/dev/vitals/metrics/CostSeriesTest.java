package dev.vitals.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.CostCentre;
import dev.vitals.testing.MetricsScrape;
import dev.vitals.topology.MonthlyCost;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost series: each centre's latest reported month, the accounts it won, and the configured gross margin. */
class CostSeriesTest {
  @Test
  void shouldExportTheLatestMonthOfEachCentre() {
    List<MonthlyCost> ledger = List.of(
        month(CostCentre.SUPPORT, "2026-04-01", 100_000, null),
        month(CostCentre.SUPPORT, "2026-05-01", 120_000, null),
        month(CostCentre.ACQUISITION, "2026-05-01", 900_000, 3),
        month(CostCentre.ACQUISITION, "2026-04-01", 500_000, 9));

    MetricsScrape scrape = MetricsScrape.of(new CostSeries(() -> ledger, 0.75));

    assertThat(scrape.value("vitals_cost_month_spend_cents", "centre", "SUPPORT")).isEqualTo(120_000);
    assertThat(scrape.value("vitals_cost_month_spend_cents", "centre", "ACQUISITION")).isEqualTo(900_000);
    assertThat(scrape.value("vitals_cost_month_accounts_won")).isEqualTo(3);
    assertThat(scrape.value("vitals_gross_margin_ratio")).isEqualTo(0.75);
  }

  private static MonthlyCost month(CostCentre centre, String month, long cents, Integer won) {
    LocalDate first = LocalDate.parse(month);
    return new MonthlyCost(centre, first, cents, won, Instant.parse(first.plusMonths(1) + "T00:00:00Z"));
  }
}
