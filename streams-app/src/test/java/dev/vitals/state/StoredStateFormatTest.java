package dev.vitals.state;

import static dev.vitals.testing.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.kpi.AccountFigures;
import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.DurationHistogram;
import dev.vitals.kpi.MrrMovement;
import dev.vitals.schema.Segment;
import dev.vitals.state.stored.StoredRetention;
import dev.vitals.state.stored.StoredUsageDay;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The stored state format is a contract with the next release: a stored sample of each version must stay readable. */
class StoredStateFormatTest {

  @Test
  void shouldReadTheReleasedSampleOfFormatVersion1() throws Exception {
    AccountState state = new AccountBook(StoredStateSample.read(sample(1)), 10).find(StoredStateSample.ACCOUNT);

    // Worked out from StoredStateSample.events(): two users on ten seats, the one key feature used, one ticket
    // resolved on first contact (1 h to reply, 3 h to resolve), one NPS detractor, MRR 500.00.
    AccountKpis kpis = state.kpisAt(at("2026-03-03T18:00:00Z"));
    assertThat(kpis.usage().activeUsers30d()).isEqualTo(2);
    assertThat(kpis.usage().licenseUtilization()).isEqualTo(0.2);
    assertThat(kpis.usage().keyFeatureAdoption()).isEqualTo(1.0);
    assertThat(kpis.support().firstResponseMedian()).isEqualTo(Duration.ofHours(1));
    assertThat(kpis.support().fcr()).isEqualTo(1.0);
    assertThat(kpis.sentiment().nps()).isEqualTo(-100.0);
    assertThat(kpis.financial().mrrCents()).isEqualTo(50_000L);
    assertThat(state.profile.segment()).isEqualTo(Segment.SMB);
    assertThat(state.profile.csm()).isEqualTo("dana");
    assertThat(state.usage.milestones).containsOnlyKeys("onboarding-complete");
    assertThat(state.latestEventAt).isEqualTo(at("2026-03-03T16:00:00Z"));
  }

  @Test
  void shouldReadTheFiguresOfTheReleasedSample() throws Exception {
    AccountFigures figures = StoredStateSample.figures(sample(1));

    // The same account: its one NPS answer a detractor's, its ticket resolved on first contact after a 1 h first
    // response (the 1 h bucket) and 3 h to resolve (the 4 h bucket), its subscription new within the last 30 days.
    assertThat(figures.npsDetractors()).isEqualTo(1);
    assertThat(figures.npsPromoters()).isZero();
    assertThat(figures.resolvedByContacts()).containsExactly(1, 0, 0);
    assertThat(figures.firstContactResolved()).isEqualTo(1);
    assertThat(figures.firstResponses().counts()[DurationHistogram.UPPER_BOUNDS.indexOf(Duration.ofHours(1))])
        .isEqualTo(1);
    assertThat(figures.resolutions().counts()[DurationHistogram.UPPER_BOUNDS.indexOf(Duration.ofHours(4))])
        .isEqualTo(1);
    assertThat(figures.resolutions().sumSeconds()).isEqualTo(3 * 3600);
    assertThat(figures.revenue().centsOf(MrrMovement.Kind.NEW)).isEqualTo(50_000L);
    assertThat(figures.revenue().periodStartCents()).isNull();
  }

  @Test
  void shouldReadTheRetentionAnswersOfTheReleasedSample() throws Exception {
    StoredRetention retention = StoredStateSample.retention(sample(1));

    // Subscribed on 03-01, two days before its latest event: new in the last 30 days, no renewal yet.
    assertThat(retention.getSubscribedNow()).isTrue();
    assertThat(retention.getSubscribed30dAgo()).isFalse();
    assertThat(retention.getFirstSubscribed30d()).isTrue();
    assertThat(retention.getRenewalDue30d()).isFalse();
    assertThat(retention.getEverRenewed()).isFalse();
    assertThat(retention.getSubscribed90dAgo()).isFalse();
  }

  @Test
  void shouldReadEachFeaturesFirstUseAddedWithinFormatVersion1() throws Exception {
    AccountState state = new AccountBook(StoredStateSample.read(sample(1)), 10).find(StoredStateSample.ACCOUNT);

    // "reports", the one key feature, first used on 03-03 at 10:00, two days after the subscription started.
    assertThat(state.usage.firstUses).containsExactly(Map.entry("reports", at("2026-03-03T10:00:00Z")));
    assertThat(state.onboardingAt(at("2026-03-03T18:00:00Z")).timeToValue()).isEqualTo(Duration.ofHours(58));
  }

  @Test
  void shouldReadAStateWrittenBeforeFirstUsesWereKeptWithoutATimeToValue() throws Exception {
    List<String> beforeFirstUses = sample(1).stream().filter(line -> !line.startsWith("acme|A|")).toList();

    AccountState state = new AccountBook(StoredStateSample.read(beforeFirstUses), 10).find(StoredStateSample.ACCOUNT);

    assertThat(state.usage.firstUses).isEmpty();
    assertThat(state.onboardingAt(at("2026-03-03T18:00:00Z")).timeToValue()).isNull();
    assertThat(state.onboardingAt(at("2026-03-03T18:00:00Z")).timeToOnboard()).isEqualTo(Duration.ofHours(59));
  }

  @Test
  void shouldStillWriteFormatVersion1ByteForByte() throws Exception {
    // A schema change that alters these bytes needs a new format version (and a sample of it), not a silent edit.
    Map<String, String> released = new TreeMap<>();
    sample(1).forEach(line -> released.put(line.split("\t")[0], line.split("\t")[1]));

    assertThat(StoredStateSample.lines(StoredStateSample.written())).isEqualTo(released);
  }

  @Test
  void shouldRefuseStateOfAnotherFormatVersionWithAClearMessage() {
    byte[] fromTheFuture = new StateFormat().encode(new StoredUsageDay(1L, 0L, 0L, 0L));
    fromTheFuture[0] = 2;

    assertThatThrownBy(() -> new StateFormat().decode(fromTheFuture, StoredUsageDay.class))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining("state format version 2; this release reads version 1");
  }

  private static List<String> sample(int version) throws IOException, URISyntaxException {
    return Files.readAllLines(Path.of(StoredStateFormatTest.class.getResource("/state/sample-v" + version + ".txt")
        .toURI()));
  }
}
