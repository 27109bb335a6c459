package dev.vitals.metrics;

import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.Segment;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.testing.MetricsScrape;
import dev.vitals.testing.PipelineDriver;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The business series are read from the stores at scrape time, so an erased account's series go with its state:
 * no sample names it any more, and the per-segment totals no longer count it.
 */
class AccountErasureMetricsTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @BeforeEach
  void twoAccountsOneCancelled() {
    for (String account : List.of("acme", "globex")) {
      pipeline.send(
          profile(account, "2026-03-01T00:00:00Z", Segment.SMB).build(),
          subscribed(account, "2026-03-01T00:00:00Z", 50_000, 10, "2027-03-01"),
          login(account, "2026-03-02T09:00:00Z", "u1"),
          ticket(account, "2026-03-03T09:00:00Z", "t1", TicketEventKind.OPENED).build());
    }
    pipeline.send(billing("acme", "2026-03-10T00:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build());
    pipeline.flush();
  }

  @AfterEach
  void close() {
    pipeline.close();
  }

  private MetricsScrape scrape() {
    OwnedAccounts owned = PipelineDriverStores.accounts(pipeline);
    return MetricsScrape.of(new StateMetrics(owned, 100, PipelineDriverStores.tickets(pipeline)));
  }

  private static List<MetricsScrape.Sample> naming(MetricsScrape scrape, String account) {
    return scrape.samples().stream().filter(sample -> sample.labels().containsValue(account)).toList();
  }

  @Test
  void shouldDropEverySeriesOfAnErasedAccountAndKeepTheOthers() {
    MetricsScrape before = scrape();
    assertThat(before.value("vitals_account_alert_open", "account", "acme", "rule", "CANCELLATION")).isEqualTo(1);

    pipeline.sendRaw("vitals.accounts", "acme", null, Instant.parse("2026-03-20T00:00:00Z")).flush();
    MetricsScrape after = scrape();

    assertThat(naming(before, "acme")).isNotEmpty();
    assertThat(naming(after, "acme")).isEmpty();
    assertThat(after.text()).doesNotContain("\"acme\"");
    assertThat(naming(after, "globex")).isNotEmpty().isEqualTo(naming(before, "globex"));
  }

  @Test
  void shouldNoLongerCountAnErasedAccountInTheSegmentTotals() {
    double ownedBefore = smbAccounts(scrape());

    pipeline.sendRaw("vitals.accounts", "acme", null, Instant.parse("2026-03-20T00:00:00Z")).flush();

    assertThat(ownedBefore).isEqualTo(2);
    assertThat(smbAccounts(scrape())).isEqualTo(1);
  }

  /** vitals_accounts of the SMB segment, over every band. */
  private static double smbAccounts(MetricsScrape scrape) {
    return scrape.find("vitals_accounts", "segment", "SMB").stream().mapToDouble(MetricsScrape.Sample::value).sum();
  }
}
