package dev.vitals.kpi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Portfolio KPIs of one segment, or of every account ("overall"), as {@code replay} writes them to kpis.json and
 * {@code GET /kpis} answers. Field names are a stable contract (docs/scoring.md, "Portfolio KPIs", lists them);
 * null means no data.
 */
public record SegmentKpis(
    int accounts,
    Double nps,
    int npsRespondents,
    Double csat,
    int csatAnswers,
    Double ces,
    int cesAnswers,
    Double fcr,
    Map<String, Integer> resolvedByContact,
    Long firstResponseMedianSeconds,
    Long resolutionMedianSeconds,
    int openTickets,
    long mrrCents,
    long arrCents,
    Long arpuCents,
    Map<String, Long> mrrMovementsCents,
    Double grr,
    Double nrr,
    Map<String, Integer> accountsByBand,
    RetentionKpis retention,
    int activeUsers,
    int powerUsers,
    Double powerUserShare,
    LifetimeValue clv,
    OnboardingKpis onboarding,
    HelpArticleKpis helpArticles,
    TicketAnalyticsKpis tickets) {

  static SegmentKpis of(PortfolioCounts c, double grossMargin) {
    SentimentKpis sentiment = new SurveyTally(c.npsRespondents(), c.npsPromoters(), c.npsDetractors(),
        c.csatAnswers(), c.csatSatisfied(), c.cesAnswers(), c.cesSum()).kpis();
    int resolved = c.resolvedTickets();
    Map<String, Integer> byContact = new LinkedHashMap<>();
    byContact.put("first", c.resolvedByContacts().get(0));
    byContact.put("second", c.resolvedByContacts().get(1));
    byContact.put("thirdPlus", c.resolvedByContacts().get(2));
    long start = c.periodStartMrrCents();
    long retainedLoss = c.retainedContractionCents() + c.retainedChurnCents();
    return new SegmentKpis(
        c.accounts(),
        sentiment.nps(), sentiment.npsRespondents(),
        sentiment.csat(), sentiment.csatAnswers(),
        sentiment.ces(), sentiment.cesAnswers(),
        resolved == 0 ? null : (double) c.firstContactResolved() / resolved, byContact,
        medianSeconds(c.firstResponseMillis()), medianSeconds(c.resolutionMillis()),
        c.openTickets(),
        c.mrrCents(), 12 * c.mrrCents(),
        c.payingAccounts() == 0 ? null : c.mrrCents() / c.payingAccounts(),
        c.movementCents(),
        start == 0 ? null : (double) (start - retainedLoss) / start,
        start == 0 ? null : (double) (start - retainedLoss + c.retainedExpansionCents()) / start,
        c.accountsByBand(),
        RetentionKpis.of(c),
        c.activeUsers(),
        c.powerUsers(),
        RetentionKpis.ratio(c.powerUsers(), c.activeUsers()),
        LifetimeValue.of(c, grossMargin),
        OnboardingKpis.of(c.onboarding()),
        HelpArticleKpis.of(c.onboarding(), c.activeUsers()),
        TicketAnalyticsKpis.of(c));
  }

  private static Long medianSeconds(List<Long> millis) {
    Duration median = Median.of(millis.stream().map(Duration::ofMillis).toList());
    return median == null ? null : median.toSeconds();
  }
}
