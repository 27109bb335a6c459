package dev.vitals.metrics;

import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.Segment;
import dev.vitals.testing.MetricsScrape;
import dev.vitals.testing.PipelineDriver;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retention series, counted per segment from the retention answers the topology stores beside each health
 * record, against counts worked out by hand. Every account logs in on 06-30, so each is measured as of then: the
 * 30 days start on 05-31, the 90 days on 04-01.
 */
class RetentionMetricsTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldCountTheAccountsBehindLogoChurnGrowthRenewalsLoyaltyAndClv() {
    for (String account : new String[] {"kept", "lost", "fresh", "back"}) {
      pipeline.send(profile(account, "2026-01-01T00:00:00Z", Segment.SMB).build());
    }
    pipeline.send(
        subscribed("kept", "2026-01-01T00:00:00Z", 1_000, 5, "2026-06-15"),
        billing("kept", "2026-06-14T00:00:00Z", BillingEventKind.RENEWED).setRenewalDate(LocalDate.parse("2027-06-15"))
            .build(),
        subscribed("lost", "2026-01-01T00:00:00Z", 1_000, 5, "2027-01-01"),
        billing("lost", "2026-06-10T00:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build(),
        subscribed("fresh", "2026-06-20T00:00:00Z", 1_000, 5, "2027-06-20"),
        subscribed("back", "2026-01-01T00:00:00Z", 1_000, 5, "2027-01-01"),
        billing("back", "2026-03-01T00:00:00Z", BillingEventKind.CANCELLED).setMrrCents(0L).build(),
        subscribed("back", "2026-06-25T00:00:00Z", 1_000, 5, "2027-06-25"));
    for (String account : new String[] {"kept", "lost", "fresh", "back"}) {
      pipeline.send(login(account, "2026-06-30T10:00:00Z", "u-" + account));
    }
    pipeline.flush();

    MetricsScrape scrape = scrape();

    assertThat(scrape.value("vitals_accounts_subscribed", "segment", "SMB")).isEqualTo(3);
    assertThat(scrape.value("vitals_accounts_subscribed_30d_ago", "segment", "SMB")).isEqualTo(2);
    assertThat(scrape.value("vitals_accounts_churned_30d", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_accounts_won_30d", "segment", "SMB", "kind", "new")).isEqualTo(1);
    assertThat(scrape.value("vitals_accounts_won_30d", "segment", "SMB", "kind", "reactivation")).isEqualTo(1);
    assertThat(scrape.value("vitals_renewals_due_30d", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_renewals_30d", "segment", "SMB")).isEqualTo(1);
    assertThat(scrape.value("vitals_accounts_loyal", "segment", "SMB")).isEqualTo(1);
    // "back" had cancelled by 04-01; "lost" was there and is gone.
    assertThat(scrape.value("vitals_accounts_subscribed_90d_ago", "segment", "SMB")).isEqualTo(2);
    assertThat(scrape.value("vitals_accounts_churned_90d", "segment", "SMB")).isEqualTo(1);
  }

  private MetricsScrape scrape() {
    OwnedAccounts owned = PipelineDriverStores.accounts(pipeline);
    return MetricsScrape.of(new StateMetrics(owned, 100));
  }
}
