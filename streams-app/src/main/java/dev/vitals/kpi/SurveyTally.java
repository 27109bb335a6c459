package dev.vitals.kpi;

/**
 * Survey counts over a window, before they become percentages: tallies of several accounts add up exactly, so the
 * portfolio NPS and CSAT are pooled over every respondent rather than averaged over accounts.
 */
record SurveyTally(int npsRespondents, int npsPromoters, int npsDetractors, int csatAnswers, int csatSatisfied,
    int cesAnswers, long cesSum) {

  static final SurveyTally EMPTY = new SurveyTally(0, 0, 0, 0, 0, 0, 0);

  SurveyTally plus(SurveyTally other) {
    return new SurveyTally(npsRespondents + other.npsRespondents, npsPromoters + other.npsPromoters,
        npsDetractors + other.npsDetractors, csatAnswers + other.csatAnswers, csatSatisfied + other.csatSatisfied,
        cesAnswers + other.cesAnswers, cesSum + other.cesSum);
  }

  SentimentKpis kpis() {
    return new SentimentKpis(
        npsRespondents == 0 ? null : 100.0 * (npsPromoters - npsDetractors) / npsRespondents,
        npsRespondents,
        npsPromoters,
        npsDetractors,
        csatAnswers == 0 ? null : 100.0 * csatSatisfied / csatAnswers,
        csatAnswers,
        cesAnswers == 0 ? null : (double) cesSum / cesAnswers,
        cesAnswers);
  }
}
