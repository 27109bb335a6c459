package dev.vitals.state;

import static dev.vitals.testing.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.kpi.AccountFigures;
import dev.vitals.kpi.AccountKpis;
import dev.vitals.health.HealthEvaluator;
import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.DataSource;
import dev.vitals.kpi.DurationHistogram;
import dev.vitals.kpi.MrrMovement;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.Segment;
import dev.vitals.state.stored.StoredRetention;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.state.stored.StoredUsageDay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
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
  void shouldReadTheReleasedSampleOfFormatVersion1WithoutFreshness() throws Exception {
    AccountState state = new AccountBook(StoredStateSample.read(sample(1)), 10).find(StoredStateSample.ACCOUNT);

    // Version 1 kept no per-source times: they fill in as each source's next event arrives.
    for (DataSource source : DataSource.all()) {
      assertThat(state.freshness.latest(source)).isNull();
    }
  }

  @Test
  void shouldReadTheReleasedSampleOfFormatVersion2WithEachSourcesLatestEventTime() throws Exception {
    AccountState state = new AccountBook(StoredStateSample.read(sample(2)), 10).find(StoredStateSample.ACCOUNT);

    // From StoredStateSample.events(): the milestone at 11:00 is the latest usage, the ticket resolved at 15:00,
    // the subscription started on March 1, the NPS answer at 16:00.
    assertThat(state.freshness.latest(DataSource.USAGE)).isEqualTo(at("2026-03-03T11:00:00Z"));
    assertThat(state.freshness.latest(DataSource.TICKETS)).isEqualTo(at("2026-03-03T15:00:00Z"));
    assertThat(state.freshness.latest(DataSource.BILLING)).isEqualTo(at("2026-03-01T00:00:00Z"));
    assertThat(state.freshness.latest(DataSource.SURVEYS)).isEqualTo(at("2026-03-03T16:00:00Z"));
    assertThat(state.kpisAt(at("2026-03-03T18:00:00Z")).usage().activeUsers30d()).isEqualTo(2);
  }

  @Test
  void shouldReadAHealthRecordTheHealthViewStoredInFormatVersion1() throws Exception {
    // given: a health record as release 1 stored it (the AccountHealth contract of schemas/versions, version 1)
    Schema v1 = new Schema.Parser().parse(StoredStateFormatTest.class.getClassLoader()
        .getResourceAsStream("vitals/schema-versions/AccountHealth/v1.avsc"));
    AccountHealth current = health();
    GenericRecord old = toGeneric(current, v1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(1);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(v1).write(old, encoder);
    encoder.flush();

    // when: this release reads it
    AccountHealth read = new StateFormat().decode(bytes.toByteArray(), AccountHealth.class);

    // then: every field survives, and the freshness it did not have is null
    assertThat(read).isEqualTo(current);
    assertThat(read.getFreshness()).isNull();
  }

  @Test
  void shouldReadAHealthRecordTheHealthViewStoredInFormatVersion2() throws Exception {
    // given: a health record as format version 2 stored it (with freshness, before the adoption values)
    Schema v2 = new Schema.Parser().parse(StoredStateFormatTest.class.getClassLoader()
        .getResourceAsStream("vitals/schema-versions/AccountHealth/v2.avsc"));
    AccountState state = new AccountBook(StoredStateSample.written(), 10).find(StoredStateSample.ACCOUNT);
    AccountHealth current = new HealthEvaluator(ScoringConfig.defaults()).evaluate(state, state.latestEventAt).health();
    current.setAdoption(null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(2);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(v2).write(toGeneric(current, v2), encoder);
    encoder.flush();

    // when: this release reads it
    AccountHealth read = new StateFormat().decode(bytes.toByteArray(), AccountHealth.class);

    // then: freshness survives, and the adoption values it did not have are null
    assertThat(read).isEqualTo(current);
    assertThat(read.getFreshness()).isNotNull();
    assertThat(read.getAdoption()).isNull();
  }

  private static AccountHealth health() {
    AccountState state = new AccountBook(StoredStateSample.written(), 10).find(StoredStateSample.ACCOUNT);
    AccountHealth health = new HealthEvaluator(ScoringConfig.defaults()).evaluate(state, state.latestEventAt).health();
    health.setFreshness(null);
    health.setAdoption(null);
    return health;
  }

  /** The record in {@code schema}'s terms, through its own binary encoding (the fields v1 has are a prefix). */
  private static GenericRecord toGeneric(AccountHealth health, Schema schema) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<AccountHealth>(AccountHealth.getClassSchema()).write(health, encoder);
    encoder.flush();
    GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(AccountHealth.getClassSchema(), schema);
    return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
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
  void shouldReadEachFeaturesFirstUseOfFormatVersion3() throws Exception {
    AccountState state = new AccountBook(StoredStateSample.read(sample(3)), 10).find(StoredStateSample.ACCOUNT);

    // "reports", the one key feature, first used on 03-03 at 10:00, two days after the subscription started.
    assertThat(state.usage.firstUses).containsExactly(Map.entry("reports", at("2026-03-03T10:00:00Z")));
    assertThat(state.onboardingAt(at("2026-03-03T18:00:00Z")).timeToValue()).isEqualTo(Duration.ofHours(58));
  }

  @Test
  void shouldReadAStateWrittenBeforeFirstUsesWereKeptWithoutATimeToValue() throws Exception {
    // format version 2 kept no first uses
    AccountState state = new AccountBook(StoredStateSample.read(sample(2)), 10).find(StoredStateSample.ACCOUNT);

    assertThat(state.usage.firstUses).isEmpty();
    assertThat(state.onboardingAt(at("2026-03-03T18:00:00Z")).timeToValue()).isNull();
    assertThat(state.onboardingAt(at("2026-03-03T18:00:00Z")).timeToOnboard()).isEqualTo(Duration.ofHours(59));
  }

  @Test
  void shouldStillWriteFormatVersion3ByteForByte() throws Exception {
    // A schema change that alters these bytes needs a new format version (and a sample of it), not a silent edit.
    Map<String, String> released = new TreeMap<>();
    sample(3).forEach(line -> released.put(line.split("\t")[0], line.split("\t")[1]));

    assertThat(StoredStateSample.lines(StoredStateSample.written())).isEqualTo(released);
  }

  @Test
  void shouldRefuseStateOfAnotherFormatVersionWithAClearMessage() {
    byte[] fromTheFuture = new StateFormat().encode(new StoredUsageDay(1L, 0L, 0L, 0L));
    fromTheFuture[0] = 4;

    assertThatThrownBy(() -> new StateFormat().decode(fromTheFuture, StoredUsageDay.class))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining("state format version 4; this release reads versions 1 to 3");
  }

  private static List<String> sample(int version) throws IOException, URISyntaxException {
    return Files.readAllLines(Path.of(StoredStateFormatTest.class.getResource("/state/sample-v" + version + ".txt")
        .toURI()));
  }
}
