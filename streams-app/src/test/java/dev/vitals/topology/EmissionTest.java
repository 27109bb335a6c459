package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.testing.PipelineDriver;
import dev.vitals.testing.TestScoring;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §4–5: health records are emitted per interval when an account's health changed, not once per event. */
class EmissionTest {
  private PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldEmitOneRecordForSeveralEventsWithinOneInterval() {
    pipeline.send(answer("acme", "2026-03-01T10:00:00Z", "r1", SurveyKind.NPS, 9),
        answer("acme", "2026-03-01T11:00:00Z", "r1", SurveyKind.NPS, 9),
        login("acme", "2026-03-01T12:00:00Z", "ana"));

    List<AccountHealth> beforeFlush = pipeline.healthRecords();
    pipeline.flush();
    List<AccountHealth> afterFlush = pipeline.healthRecords();

    assertThat(beforeFlush).isEmpty();
    assertThat(afterFlush).singleElement().satisfies(health -> {
      assertThat(health.getKpis().getNpsRespondents()).isEqualTo(1);
      assertThat(health.getKpis().getActiveUsers30d()).isEqualTo(1);
      assertThat(health.getAsOf()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    });
  }

  @Test
  void shouldNotEmitAgainWhenAnOlderEventLeavesTheHealthUnchanged() {
    pipeline.send(answer("acme", "2026-03-01T11:00:00Z", "r1", SurveyKind.NPS, 9)).flush();
    List<AccountHealth> first = pipeline.healthRecords();

    // an earlier RESOURCE rating arrives late: no KPI of the health record reads it, and the latest time stays
    pipeline.send(answer("acme", "2026-03-01T10:00:00Z", "r2", SurveyKind.RESOURCE, 4)).flush();
    List<AccountHealth> second = pipeline.healthRecords();

    assertThat(first).hasSize(1);
    assertThat(second).isEmpty();
  }

  @Test
  void shouldEmitTheNewerEventTimeEvenWhenNothingElseChanged() {
    pipeline.send(answer("acme", "2026-03-01T10:00:00Z", "r1", SurveyKind.NPS, 9)).flush();
    pipeline.healthRecords();

    // r1 confirms the same 9 an hour later: same NPS, same score, but the record now reflects 11:00
    pipeline.send(answer("acme", "2026-03-01T11:00:00Z", "r1", SurveyKind.NPS, 9)).flush();

    assertThat(pipeline.healthRecords()).singleElement()
        .satisfies(health -> assertThat(health.getAsOf()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z")));
  }

  @Test
  void shouldEmitNothingInIntervalsWithoutEvents() {
    pipeline.send(answer("acme", "2026-03-01T10:00:00Z", "r1", SurveyKind.NPS, 9)).flush();
    pipeline.healthRecords();

    pipeline.flush().flush();

    assertThat(pipeline.healthRecords()).isEmpty();
  }

  @Test
  void shouldEmitOnlyTheAccountsThatChanged() {
    pipeline.send(login("acme", "2026-03-01T10:00:00Z", "ana"), login("globex", "2026-03-01T10:00:00Z", "bo"))
        .flush();
    pipeline.healthRecords();

    pipeline.send(login("globex", "2026-03-01T11:00:00Z", "cy")).flush();

    assertThat(pipeline.healthRecords()).extracting(AccountHealth::getAccountId).containsExactly("globex");
  }

  @Test
  void shouldCarryModelVersionSegmentAndCsmFromTheProfile() {
    pipeline.close();
    pipeline = new PipelineDriver(TestScoring.csatIsTheScore());

    pipeline.send(profile("acme", "2026-03-01T00:00:00Z", Segment.ENTERPRISE).build(),
        answer("acme", "2026-03-01T10:00:00Z", "r1", SurveyKind.CSAT, 5)).flush();

    AccountHealth health = pipeline.latestHealth().get("acme");
    assertThat(health.getModelVersion()).isEqualTo(TestScoring.TEST_MODEL_VERSION);
    assertThat(health.getSegment()).isEqualTo(Segment.ENTERPRISE);
    assertThat(health.getCsm()).isEqualTo("csm-acme");
    assertThat(health.getName()).isEqualTo("acme Inc.");
    // only sentiment has data: ENTERPRISE weights 0.30 / 0.25 / 0.20 / 0.25 -> coverage 0.25 / 1.00
    assertThat(health.getCoverage()).isEqualTo(0.25);
    assertThat(health.getComponents().getUsage()).isNull();
    assertThat(health.getComponents().getSupport()).isNull();
    assertThat(health.getComponents().getFinancial()).isNull();
    assertThat(health.getComponents().getSentiment()).isEqualTo(100.0);
    assertThat(health.getScore()).isEqualTo(100.0);
  }

  @Test
  void shouldReportTheShareOfTheModelThatHadData() {
    pipeline.send(profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        subscribed("acme", "2026-03-01T01:00:00Z", 10_000, 5, "2027-03-01"),
        login("acme", "2026-03-01T10:00:00Z", "ana")).flush();

    // SMB weights: usage 0.40 + financial 0.30 have data, support 0.15 and sentiment 0.15 do not -> 0.70
    AccountHealth health = pipeline.latestHealth().get("acme");
    assertThat(health.getCoverage()).isEqualTo(0.7);
    assertThat(health.getComponents().getSupport()).isNull();
    assertThat(health.getComponents().getSentiment()).isNull();
  }

  @Test
  void shouldEmitAgainWhenOnlyTheProfileChanged() {
    pipeline.send(profile("acme", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        login("acme", "2026-03-01T10:00:00Z", "ana")).flush();
    pipeline.healthRecords();

    pipeline.send(profile("acme", "2026-03-01T11:00:00Z", Segment.SMB).setCsm("csm-new").build()).flush();

    assertThat(pipeline.healthRecords()).singleElement()
        .satisfies(health -> assertThat(health.getCsm()).isEqualTo("csm-new"));
  }

  @Test
  void shouldEvaluateOnlyOnTheLastOfTheBacklogTicksWhileWorkingThroughABacklog() {
    // given: events appended ten minutes before the pipeline's wall clock: it is working through a backlog
    Instant appendedLongAgo = PipelineDriver.PRODUCED_AT.minus(Duration.ofMinutes(10));
    pipeline.sendAt(login("acme", "2026-03-01T10:00:00Z", "ana"), appendedLongAgo);

    // when / then: nothing until the last of the backlog ticks, the health record on it
    for (int tick = 1; tick < AccountHealthProcessor.BACKLOG_TICKS; tick++) {
      assertThat(pipeline.flush().healthRecords()).as("tick " + tick).isEmpty();
    }
    assertThat(pipeline.flush().healthRecords()).singleElement()
        .satisfies(health -> assertThat(health.getAccountId()).isEqualTo("acme"));
  }

  @Test
  void shouldEvaluateOnTheNextTickOnceCaughtUp() {
    // given: a backlog event, then one appended just now
    pipeline.sendAt(login("acme", "2026-03-01T10:00:00Z", "ana"), PipelineDriver.PRODUCED_AT.minus(Duration.ofMinutes(10)));
    pipeline.sendAt(login("globex", "2026-03-01T10:05:00Z", "bo"), PipelineDriver.PRODUCED_AT);

    // when
    List<AccountHealth> firstTick = pipeline.flush().healthRecords();

    // then: both accounts, on the first tick
    assertThat(firstTick).extracting(AccountHealth::getAccountId).containsExactlyInAnyOrder("acme", "globex");
  }
}
