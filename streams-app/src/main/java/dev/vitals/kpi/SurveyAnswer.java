package dev.vitals.kpi;

import dev.vitals.schema.SurveyKind;
import java.time.Instant;

/** One retained survey answer; {@code touchpoint} is the ticket (CSAT) or the article (RESOURCE) it was about. */
public record SurveyAnswer(Instant at, String respondentId, SurveyKind survey, int score, String touchpoint) {}
