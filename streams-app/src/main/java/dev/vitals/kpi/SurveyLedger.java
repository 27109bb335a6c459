package dev.vitals.kpi;

import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An account's survey answers of the last 90 days (plus history and grace), each kept as it came. */
public final class SurveyLedger {
  private static final int PROMOTER_MIN = 9;
  private static final int DETRACTOR_MAX = 6;
  private static final int CSAT_SATISFIED_MIN = 4;

  public List<SurveyAnswer> answers = new ArrayList<>();

  public SurveyLedger() {}

  /**
   * Records an answer. An answer is identified by its time, respondent and survey: a second one with the same
   * identity (re-sent under another event id) replaces the first rather than counting twice.
   */
  void record(SurveyResponse response) {
    SurveyAnswer answer = new SurveyAnswer(response.getOccurredAt(), response.getRespondentId(),
        response.getSurvey(), response.getScore(), response.getTouchpoint());
    answers.removeIf(existing -> existing.sameIdentity(answer));
    answers.add(answer);
  }

  /** The answer whose identity is {@code identity} ({@link SurveyAnswer#identity()}); null when none. */
  public SurveyAnswer find(String identity) {
    for (SurveyAnswer answer : answers) {
      if (answer.identity().equals(identity)) {
        return answer;
      }
    }
    return null;
  }

  SentimentKpis kpis(Instant asOf) {
    return tally(asOf).kpis();
  }

  SurveyTally tally(Instant asOf) {
    Map<String, SurveyAnswer> latestNpsByRespondent = new HashMap<>();
    int csatAnswers = 0;
    int csatSatisfied = 0;
    int cesAnswers = 0;
    long cesSum = 0;
    for (SurveyAnswer answer : inWindow(asOf)) {
      switch (answer.survey()) {
        case NPS -> latestNpsByRespondent.merge(answer.respondentId(), answer, SurveyLedger::later);
        case CSAT -> {
          csatAnswers++;
          csatSatisfied += answer.score() >= CSAT_SATISFIED_MIN ? 1 : 0;
        }
        case CES -> {
          cesAnswers++;
          cesSum += answer.score();
        }
        case RESOURCE -> { }
      }
    }
    int promoters = (int) latestNpsByRespondent.values().stream().filter(a -> a.score() >= PROMOTER_MIN).count();
    int detractors = (int) latestNpsByRespondent.values().stream().filter(a -> a.score() <= DETRACTOR_MAX).count();
    return new SurveyTally(latestNpsByRespondent.size(), promoters, detractors, csatAnswers, csatSatisfied,
        cesAnswers, cesSum);
  }

  /** Respondents whose latest NPS answer in the window is at most {@code maxScore}, for the DETRACTOR alert. */
  List<SurveyAnswer> detractors(Instant asOf, int maxScore) {
    Map<String, SurveyAnswer> latest = new HashMap<>();
    inWindow(asOf).stream()
        .filter(a -> a.survey() == SurveyKind.NPS)
        .forEach(a -> latest.merge(a.respondentId(), a, SurveyLedger::later));
    return latest.values().stream()
        .filter(a -> a.score() <= maxScore)
        .sorted(Comparator.comparing(SurveyAnswer::at))
        .toList();
  }

  private List<SurveyAnswer> inWindow(Instant asOf) {
    Instant from = asOf.minus(KpiWindows.SURVEYS);
    return answers.stream().filter(a -> a.at().isAfter(from) && !a.at().isAfter(asOf)).toList();
  }

  void prune(Instant oldest) {
    answers.removeIf(answer -> answer.at().isBefore(oldest));
  }

  /** Latest by event time; on a tie the lower score wins, so arrival order never hides a detractor. */
  private static SurveyAnswer later(SurveyAnswer a, SurveyAnswer b) {
    int byTime = a.at().compareTo(b.at());
    if (byTime != 0) {
      return byTime > 0 ? a : b;
    }
    return a.score() <= b.score() ? a : b;
  }
}
