package dev.vitals.kpi;

/**
 * Survey KPIs (SPEC §3) over the last 90 days.
 *
 * @param nps 100 × (promoters − detractors) / respondents, each respondent's latest NPS answer once; null without
 * @param npsRespondents respondents with an NPS answer in the window
 * @param npsPromoters respondents whose latest answer is 9 or 10
 * @param npsDetractors respondents whose latest answer is 0 to 6
 * @param csat 100 × answers of 4 or 5 / CSAT answers; every answer counts; null without
 * @param csatAnswers CSAT answers in the window
 * @param ces mean CES answer (1–7, higher is easier); null without
 * @param cesAnswers CES answers in the window
 */
public record SentimentKpis(
    Double nps,
    int npsRespondents,
    int npsPromoters,
    int npsDetractors,
    Double csat,
    int csatAnswers,
    Double ces,
    int cesAnswers) {

  /** True when any NPS, CSAT or CES answer is in the window. */
  public boolean hasData() {
    return npsRespondents + csatAnswers + cesAnswers > 0;
  }
}
