package dev.vitals.scoring;

import dev.vitals.kpi.AccountKpis;
import dev.vitals.kpi.FinancialKpis;
import dev.vitals.kpi.SentimentKpis;
import dev.vitals.kpi.SupportKpis;
import dev.vitals.kpi.UsageKpis;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Builds {@link AccountKpis} for tests from the raw counts a person would state ("6 of 33 seats active"), deriving
 * the ratios the way the KPI definitions (SPEC §3) do. A component stays null (no data) until one of its setters
 * is called. Public so that tests of other packages (alerts, topology) can reuse it.
 */
public final class KpisBuilder {
  public static final Instant AS_OF = Instant.parse("2026-11-02T12:00:00Z");

  private Instant asOf = AS_OF;

  private boolean usage;
  private int activeUsers30d;
  private Integer seats;
  private long usageEvents7d;
  private double usageWeeklyAvgPrior28d;
  private int keyFeaturesTotal;
  private int keyFeaturesUsed30d;
  private long apiCalls7d;
  private long apiErrors7d;
  private Integer daysSinceLastUsage;
  private int powerUsers30d;
  private long docViews30d;

  private boolean support;
  private int openTickets;
  private int escalatedOpenTickets;
  private int ticketsOpened30d;
  private Duration firstResponseMedian;
  private Duration resolutionMedian;
  private Double fcr;
  private int ticketsResolved30d;
  private int resolvedOnFirstContact;

  private boolean financial;
  private Long mrrCents;
  private Long mrrCents30dAgo;
  private boolean cancelled;
  private int paymentFailures30d;
  private Integer daysToRenewal;

  private boolean sentiment;
  private int npsPromoters;
  private int npsPassives;
  private int npsDetractors;
  private int csatSatisfied;
  private int csatAnswers;
  private double cesSum;
  private int cesAnswers;

  private KpisBuilder() {}

  /** An account the pipeline knows nothing about yet: every component without data. */
  public static KpisBuilder noData() {
    return new KpisBuilder();
  }

  /**
   * An engaged, paying, satisfied account: 85 % of seats active, steady usage, 80 % key-feature adoption, quick
   * support, no payment failures, NPS +50, CSAT 90 %.
   */
  public static KpisBuilder healthyAccount() {
    return new KpisBuilder()
        .activeUsers(34, 40).usageEvents(1_000, 1_000).keyFeatures(4, 5).apiCalls(10_000, 20).lastUsageDaysAgo(0)
        .openTickets(1, 0).ticketsOpened(4).firstResponse(Duration.ofMinutes(45))
        .resolved(4, 0.75, Duration.ofHours(10))
        .mrr(500_000, 500_000L).renewalInDays(200)
        .nps(7, 1, 2).csat(9, 10).ces(6.0, 5);
  }

  /**
   * An account on its way out: 10 % of seats active, usage at a fifth of its former level, detractors, unhappy
   * support experience, two payment failures and a cancelled subscription.
   */
  public static KpisBuilder churningAccount() {
    return new KpisBuilder()
        .activeUsers(3, 30).usageEvents(40, 200).keyFeatures(1, 5).lastUsageDaysAgo(4)
        .openTickets(4, 1).ticketsOpened(5).firstResponse(Duration.ofHours(20)).resolved(3, 0.33, Duration.ofDays(5))
        .mrr(0, 200_000L).cancelled().paymentFailures(2).renewalInDays(20)
        .nps(0, 1, 4).csat(2, 5).ces(2.5, 4);
  }

  public KpisBuilder asOf(Instant asOf) {
    this.asOf = asOf;
    return this;
  }

  // ---- usage

  /** Active users in 30 days of the seats purchased; seats null = unknown (no licence utilisation). */
  public KpisBuilder activeUsers(int active, Integer seats) {
    touchUsage();
    this.activeUsers30d = active;
    this.seats = seats;
    return this;
  }

  /** Usage events in the last 7 days and the prior 28 days' weekly average (0 = no trend). */
  public KpisBuilder usageEvents(long last7d, double priorWeeklyAverage) {
    touchUsage();
    this.usageEvents7d = last7d;
    this.usageWeeklyAvgPrior28d = priorWeeklyAverage;
    return this;
  }

  public KpisBuilder keyFeatures(int used, int total) {
    touchUsage();
    this.keyFeaturesUsed30d = used;
    this.keyFeaturesTotal = total;
    return this;
  }

  public KpisBuilder apiCalls(long calls, long errors) {
    touchUsage();
    this.apiCalls7d = calls;
    this.apiErrors7d = errors;
    return this;
  }

  public KpisBuilder lastUsageDaysAgo(int days) {
    touchUsage();
    this.daysSinceLastUsage = days;
    return this;
  }

  public KpisBuilder powerUsers(int powerUsers, long docViews) {
    touchUsage();
    this.powerUsers30d = powerUsers;
    this.docViews30d = docViews;
    return this;
  }

  public KpisBuilder withoutUsage() {
    usage = false;
    return this;
  }

  // ---- support

  public KpisBuilder openTickets(int open, int escalated) {
    support = true;
    this.openTickets = open;
    this.escalatedOpenTickets = escalated;
    return this;
  }

  public KpisBuilder ticketsOpened(int opened30d) {
    support = true;
    this.ticketsOpened30d = opened30d;
    return this;
  }

  public KpisBuilder firstResponse(Duration median) {
    support = true;
    this.firstResponseMedian = median;
    return this;
  }

  /** Tickets resolved in 30 days, their FCR share and median resolution time (null = unknown). */
  public KpisBuilder resolved(int resolved30d, Double fcr, Duration resolutionMedian) {
    support = true;
    this.ticketsResolved30d = resolved30d;
    this.fcr = fcr;
    this.resolvedOnFirstContact = fcr == null ? 0 : (int) Math.round(fcr * resolved30d);
    this.resolutionMedian = resolutionMedian;
    return this;
  }

  public KpisBuilder withoutSupport() {
    support = false;
    return this;
  }

  // ---- financial

  /** MRR now and 30 days ago, in cents; {@code before} null = unknown. Subscribed while MRR > 0. */
  public KpisBuilder mrr(long nowCents, Long beforeCents) {
    financial = true;
    this.mrrCents = nowCents;
    this.mrrCents30dAgo = beforeCents;
    return this;
  }

  public KpisBuilder cancelled() {
    financial = true;
    this.cancelled = true;
    return this;
  }

  public KpisBuilder paymentFailures(int failures30d) {
    financial = true;
    this.paymentFailures30d = failures30d;
    return this;
  }

  public KpisBuilder renewalInDays(Integer days) {
    financial = true;
    this.daysToRenewal = days;
    return this;
  }

  public KpisBuilder withoutFinancial() {
    financial = false;
    return this;
  }

  // ---- sentiment

  /** Respondents by their latest NPS answer. */
  public KpisBuilder nps(int promoters, int passives, int detractors) {
    sentiment = true;
    this.npsPromoters = promoters;
    this.npsPassives = passives;
    this.npsDetractors = detractors;
    return this;
  }

  /** CSAT answers of 4 or 5 out of all answers. */
  public KpisBuilder csat(int satisfied, int answers) {
    sentiment = true;
    this.csatSatisfied = satisfied;
    this.csatAnswers = answers;
    return this;
  }

  public KpisBuilder ces(double mean, int answers) {
    sentiment = true;
    this.cesSum = mean * answers;
    this.cesAnswers = answers;
    return this;
  }

  public KpisBuilder withoutSentiment() {
    sentiment = false;
    return this;
  }

  public AccountKpis build() {
    return new AccountKpis(asOf, usage ? usageKpis() : null, support ? supportKpis() : null,
        financial ? financialKpis() : null, sentiment ? sentimentKpis() : null);
  }

  private void touchUsage() {
    if (!usage && daysSinceLastUsage == null) {
      daysSinceLastUsage = 0; // usage data implies some usage event; tests override it when it matters
    }
    usage = true;
  }

  private UsageKpis usageKpis() {
    Double utilisation = seats == null || seats == 0 ? null : (double) activeUsers30d / seats;
    Double trend = usageWeeklyAvgPrior28d == 0 ? null : usageEvents7d / usageWeeklyAvgPrior28d;
    Double adoption = keyFeaturesTotal == 0 ? null : (double) keyFeaturesUsed30d / keyFeaturesTotal;
    Double errorRate = apiCalls7d == 0 ? null : (double) apiErrors7d / apiCalls7d;
    return new UsageKpis(activeUsers30d, seats, utilisation, usageEvents7d, usageWeeklyAvgPrior28d, trend,
        keyFeaturesTotal, keyFeaturesUsed30d, adoption, apiCalls7d, apiErrors7d, errorRate, daysSinceLastUsage,
        powerUsers30d, docViews30d, false);
  }

  private SupportKpis supportKpis() {
    return new SupportKpis(openTickets, escalatedOpenTickets, ticketsOpened30d, firstResponseMedian,
        resolutionMedian, fcr, ticketsResolved30d, resolvedOnFirstContact, 0, 0);
  }

  private FinancialKpis financialKpis() {
    var renewalDate = daysToRenewal == null ? null : asOf.atZone(ZoneOffset.UTC).toLocalDate().plusDays(daysToRenewal);
    return new FinancialKpis(mrrCents, mrrCents30dAgo, mrrCents != null && mrrCents > 0, cancelled,
        paymentFailures30d, renewalDate, daysToRenewal);
  }

  private SentimentKpis sentimentKpis() {
    int respondents = npsPromoters + npsPassives + npsDetractors;
    Double nps = respondents == 0 ? null : 100.0 * (npsPromoters - npsDetractors) / respondents;
    Double csat = csatAnswers == 0 ? null : 100.0 * csatSatisfied / csatAnswers;
    Double ces = cesAnswers == 0 ? null : cesSum / cesAnswers;
    return new SentimentKpis(nps, respondents, npsPromoters, npsDetractors, csat, csatAnswers, ces, cesAnswers);
  }
}
