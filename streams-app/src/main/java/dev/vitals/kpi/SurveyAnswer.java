package dev.vitals.kpi;

import dev.vitals.schema.SurveyKind;
import java.time.Instant;

/** One retained survey answer; {@code touchpoint} is the ticket (CSAT) or the article (RESOURCE) it was about. */
public record SurveyAnswer(Instant at, String respondentId, SurveyKind survey, int score, String touchpoint) {

  /** What identifies an answer: when, who, which survey (the separator is U+001F, which no id contains). */
  public static String identity(Instant at, String respondentId, SurveyKind survey) {
    return at.toEpochMilli() + "\u001F" + respondentId + "\u001F" + survey.name();
  }

  public String identity() {
    return identity(at, respondentId, survey);
  }

  boolean sameIdentity(SurveyAnswer other) {
    return at.equals(other.at) && respondentId.equals(other.respondentId) && survey == other.survey;
  }
}
