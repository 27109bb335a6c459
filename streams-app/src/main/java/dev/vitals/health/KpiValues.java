package dev.vitals.health;

import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.FinancialKpis;
import dev.vitals.kpi.SentimentKpis;
import dev.vitals.kpi.SupportKpis;
import dev.vitals.kpi.UsageKpis;
import dev.vitals.schema.AccountKpiValues;
import java.time.Duration;

/** Maps the KPI snapshot onto the output contract's {@link AccountKpiValues}. */
final class KpiValues {
  private KpiValues() {}

  static AccountKpiValues of(AccountKpis kpis) {
    UsageKpis usage = kpis.usage();
    SupportKpis support = kpis.support();
    FinancialKpis financial = kpis.financial();
    SentimentKpis sentiment = kpis.sentiment();
    return AccountKpiValues.newBuilder()
        .setActiveUsers30d(usage.activeUsers30d())
        .setSeats(usage.seats())
        .setLicenseUtilization(usage.licenseUtilization())
        .setUsageEvents7d(usage.usageEvents7d())
        .setUsageWeeklyAvgPrior28d(usage.usageWeeklyAvgPrior28d())
        .setUsageTrend(usage.usageTrend())
        .setKeyFeatureAdoption(usage.keyFeatureAdoption())
        .setApiCalls7d(usage.apiCalls7d())
        .setApiErrorRate(usage.apiErrorRate())
        .setDaysSinceLastUsage(usage.daysSinceLastUsage())
        .setPowerUsers30d(usage.powerUsers30d())
        .setDocViews30d(usage.docViews30d())
        .setNps(sentiment.nps())
        .setNpsRespondents(sentiment.npsRespondents())
        .setCsat(sentiment.csat())
        .setCsatAnswers(sentiment.csatAnswers())
        .setCes(sentiment.ces())
        .setCesAnswers(sentiment.cesAnswers())
        .setOpenTickets(support.openTickets())
        .setTicketsOpened30d(support.ticketsOpened30d())
        .setFirstResponseMedianSeconds(seconds(support.firstResponseMedian()))
        .setResolutionMedianSeconds(seconds(support.resolutionMedian()))
        .setFcr(support.fcr())
        .setTicketsResolved30d(support.ticketsResolved30d())
        .setMrrCents(financial.mrrCents())
        .setSubscribed(financial.subscribed())
        .setPaymentFailures30d(financial.paymentFailures30d())
        .setRenewalDate(financial.renewalDate())
        .setDaysToRenewal(financial.daysToRenewal())
        .build();
  }

  private static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }
}
