package dev.vitals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AccountKpiValues;
import dev.vitals.schema.AdoptionValues;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.HealthComponents;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The health view reads what this release writes, and what the release before the adoption values wrote. */
class HealthViewFormatTest {
  private final HealthViewFormat format = new HealthViewFormat();

  private static AccountHealth health(AdoptionValues adoption) {
    return AccountHealth.newBuilder().setAccountId("acme").setScore(72.5).setBand(HealthBand.HEALTHY)
        .setComponents(new HealthComponents(80.0, null, 60.0, null)).setCoverage(0.5).setTopFactors(List.of())
        .setKpis(AccountKpiValues.newBuilder().setActiveUsers30d(3).setUsageEvents7d(10)
            .setUsageWeeklyAvgPrior28d(8).setApiCalls7d(0).setPowerUsers30d(1).setDocViews30d(2)
            .setNpsRespondents(0).setCsatAnswers(0).setCesAnswers(0).setOpenTickets(0).setTicketsOpened30d(0)
            .setTicketsResolved30d(0).setSubscribed(true).setPaymentFailures30d(0).build())
        .setModelVersion("2026.11-3").setAsOf(Instant.parse("2026-03-03T10:00:00Z")).setAdoption(adoption).build();
  }

  @Test
  void shouldReadWhatItWrites() {
    AccountHealth written = health(AdoptionValues.newBuilder().setJourneyTracked(true).setStillOnboarding(true)
        .setOnboardingDays(12).build());

    assertThat(format.decode(format.encode(written))).isEqualTo(written);
  }

  @Test
  void shouldReadAHealthRecordStoredByTheReleaseBeforeAdoptionValues() {
    // The released contract ends where adoption begins: its encoding is this one's without the final null branch.
    byte[] current = format.encode(health(null));
    byte[] released = Arrays.copyOf(current, current.length - 1);

    assertThat(format.decode(released)).isEqualTo(health(null));
  }

  @Test
  void shouldStillRefuseAnotherFormatVersion() {
    byte[] other = format.encode(health(null));
    other[0] = 2;

    assertThatThrownBy(() -> format.decode(other)).isInstanceOf(StateFormatException.class)
        .hasMessageContaining("state format version 2");
  }
}
