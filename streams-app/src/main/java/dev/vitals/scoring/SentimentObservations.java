package dev.vitals.scoring;

import dev.vitals.kpi.SentimentKpis;
import java.util.List;
import java.util.function.Supplier;

/** Reads the sentiment factors' inputs from {@link SentimentKpis}. */
final class SentimentObservations {
  private SentimentObservations() {}

  static List<Observation> of(SentimentKpis k) {
    return List.of(nps(k), csat(k), ces(k));
  }

  private static Observation nps(SentimentKpis k) {
    if (k.nps() == null) {
      return Observation.absent(FactorId.NPS);
    }
    Supplier<String> detail = () -> "NPS " + Math.round(k.nps()) + " ("
        + Texts.count(k.npsPromoters(), "promoter", "promoters") + ", "
        + Texts.count(k.npsDetractors(), "detractor", "detractors") + " of " + k.npsRespondents() + ")";
    return new Observation(FactorId.NPS, k.nps(), (double) k.npsRespondents(), detail);
  }

  private static Observation csat(SentimentKpis k) {
    if (k.csat() == null) {
      return Observation.absent(FactorId.CSAT);
    }
    Supplier<String> detail = () -> "CSAT " + Math.round(k.csat()) + "% satisfied ("
        + Texts.count(k.csatAnswers(), "answer", "answers") + ")";
    return new Observation(FactorId.CSAT, k.csat(), (double) k.csatAnswers(), detail);
  }

  private static Observation ces(SentimentKpis k) {
    if (k.ces() == null) {
      return Observation.absent(FactorId.CES);
    }
    Supplier<String> detail = () -> "CES " + Texts.decimal1(k.ces()) + " of 7 ("
        + Texts.count(k.cesAnswers(), "answer", "answers") + ")";
    return new Observation(FactorId.CES, k.ces(), (double) k.cesAnswers(), detail);
  }
}
