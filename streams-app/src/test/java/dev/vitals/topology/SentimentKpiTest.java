package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitals.kpi.SentimentKpis;
import dev.vitals.schema.AccountKpiValues;
import dev.vitals.schema.SurveyKind;
import dev.vitals.testing.PipelineDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Survey KPIs (SPEC §3) through the topology: window (asOf − 90 d, asOf]. */
class SentimentKpiTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldCountEachRespondentsLatestNpsAnswerOnce() {
    // asOf = 2026-06-30T12:00Z; window (2026-04-01T12:00Z, 2026-06-30T12:00Z].
    pipeline.send(
        answer("acme", "2026-04-01T12:00:00Z", "r5", SurveyKind.NPS, 0),   // exactly 90 days back: outside
        answer("acme", "2026-06-01T12:00:00Z", "r1", SurveyKind.NPS, 3),   // r1 moves from 3 ...
        answer("acme", "2026-06-02T12:00:00Z", "r6", SurveyKind.NPS, 10),  // r6 moves from 10 ...
        answer("acme", "2026-06-25T12:00:00Z", "r2", SurveyKind.NPS, 9),
        answer("acme", "2026-06-26T12:00:00Z", "r3", SurveyKind.NPS, 6),
        answer("acme", "2026-06-27T12:00:00Z", "r4", SurveyKind.NPS, 7),
        answer("acme", "2026-06-28T12:00:00Z", "r7", SurveyKind.NPS, 10),
        answer("acme", "2026-06-29T12:00:00Z", "r6", SurveyKind.NPS, 2),   // ... to 2: detractor
        answer("acme", "2026-06-30T12:00:00Z", "r1", SurveyKind.NPS, 10))  // ... to 10: promoter
        .flush();

    // respondents r1..r4, r6, r7 = 6; promoters r1 (10), r2 (9), r7 (10) = 3; detractors r3 (6), r6 (2) = 2;
    // passive r4 (7). NPS = 100 × (3 − 2) / 6 = 16.67 (counting every answer instead would give 12.5)
    SentimentKpis sentiment = pipeline.state("acme").kpisAt(at("2026-06-30T12:00:00Z")).sentiment();
    assertThat(sentiment.npsRespondents()).isEqualTo(6);
    assertThat(sentiment.npsPromoters()).isEqualTo(3);
    assertThat(sentiment.npsDetractors()).isEqualTo(2);
    assertThat(sentiment.nps()).isCloseTo(100.0 / 6, within(1e-9));
    AccountKpiValues emitted = pipeline.latestHealth().get("acme").getKpis();
    assertThat(emitted.getNps()).isCloseTo(100.0 / 6, within(1e-9));
    assertThat(emitted.getNpsRespondents()).isEqualTo(6);
  }

  @Test
  void shouldCountARespondentWhoMovedFromDetractorToPromoterAsPromoterOnly() {
    pipeline.send(
        answer("acme", "2026-06-01T12:00:00Z", "r1", SurveyKind.NPS, 3),
        answer("acme", "2026-06-05T12:00:00Z", "r1", SurveyKind.NPS, 10))
        .flush();

    // one respondent, one promoter: NPS = 100 × (1 − 0) / 1 = 100
    assertThat(pipeline.latestHealth().get("acme").getKpis().getNps()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void shouldCountEveryCsatAnswer() {
    pipeline.send(
        answer("acme", "2026-03-30T12:00:00Z", "r0", SurveyKind.CSAT, 5),  // asOf − 92 days: outside
        answer("acme", "2026-06-01T12:00:00Z", "r1", SurveyKind.CSAT, 5),
        answer("acme", "2026-06-02T12:00:00Z", "r1", SurveyKind.CSAT, 4),  // same respondent: counts again
        answer("acme", "2026-06-03T12:00:00Z", "r1", SurveyKind.CSAT, 3),
        answer("acme", "2026-06-04T12:00:00Z", "r2", SurveyKind.CSAT, 1),
        answer("acme", "2026-06-30T12:00:00Z", "r3", SurveyKind.CSAT, 5))
        .flush();

    // satisfied (4 or 5): 5, 4, 5 = 3 of 5 answers -> 60.0
    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getCsatAnswers()).isEqualTo(5);
    assertThat(kpis.getCsat()).isCloseTo(60.0, within(1e-9));
  }

  @Test
  void shouldAverageCesAnswers() {
    pipeline.send(
        answer("acme", "2026-06-01T12:00:00Z", "r1", SurveyKind.CES, 7),
        answer("acme", "2026-06-02T12:00:00Z", "r1", SurveyKind.CES, 4),
        answer("acme", "2026-06-03T12:00:00Z", "r2", SurveyKind.CES, 2),
        answer("acme", "2026-06-04T12:00:00Z", "r3", SurveyKind.CES, 6))
        .flush();

    // (7 + 4 + 2 + 6) / 4 = 4.75
    AccountKpiValues kpis = pipeline.latestHealth().get("acme").getKpis();
    assertThat(kpis.getCesAnswers()).isEqualTo(4);
    assertThat(kpis.getCes()).isCloseTo(4.75, within(1e-9));
    assertThat(kpis.getNps()).isNull();
    assertThat(kpis.getCsat()).isNull();
  }
}
