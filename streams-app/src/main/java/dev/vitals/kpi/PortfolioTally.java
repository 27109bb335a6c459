package dev.vitals.kpi;

import dev.vitals.schema.HealthBand;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds accounts up into one segment's (or the whole portfolio's) KPIs as of one instant. */
final class PortfolioTally {
  private final Instant asOf;
  private final Instant periodStart;
  private int accounts;
  private SurveyTally surveys = SurveyTally.EMPTY;
  private final TicketTally tickets = new TicketTally();
  private long mrrCents;
  private int payingAccounts;
  private final Map<MrrMovement.Kind, Long> movements = RevenueMovements.zeroes();
  private long periodStartMrr;
  private long retainedChange;
  private long expansion;
  private final Map<HealthBand, Integer> bands = new EnumMap<>(HealthBand.class);

  PortfolioTally(Instant asOf, Duration period) {
    this.asOf = asOf;
    this.periodStart = asOf.minus(period);
    for (HealthBand band : HealthBand.values()) {
      bands.put(band, 0);
    }
  }

  void add(AccountState state, HealthBand band) {
    accounts++;
    surveys = surveys.plus(state.surveys.tally(asOf));
    tickets.add(state.tickets.tally(asOf));
    Long mrr = state.billing.mrrAt(asOf);
    if (mrr != null && mrr > 0) {
      mrrCents += mrr;
      payingAccounts++;
    }
    addMovements(state.billing);
    if (band != null) {
      bands.merge(band, 1, Integer::sum);
    }
  }

  /** Movements in the period; GRR and NRR count only accounts that were paying when the period started. */
  private void addMovements(BillingLedger billing) {
    RevenueMovements account = RevenueMovements.of(billing, asOf, Duration.between(periodStart, asOf));
    if (account.periodStartCents() != null) {
      periodStartMrr += account.periodStartCents();
    }
    for (MrrMovement.Kind kind : MrrMovement.Kind.values()) {
      movements.merge(kind, account.centsOf(kind), Long::sum);
    }
    retainedChange -= account.retainedCentsOf(MrrMovement.Kind.CONTRACTION)
        + account.retainedCentsOf(MrrMovement.Kind.CHURN);
    expansion += account.retainedCentsOf(MrrMovement.Kind.EXPANSION);
  }

  SegmentKpis kpis() {
    SentimentKpis sentiment = surveys.kpis();
    SupportKpis support = tickets.kpis();
    Map<String, Integer> byContact = new LinkedHashMap<>();
    byContact.put("first", support.resolvedOnFirstContact());
    byContact.put("second", support.resolvedOnSecondContact());
    byContact.put("thirdPlus", support.resolvedOnThirdPlusContact());
    Map<String, Long> movementCents = new LinkedHashMap<>();
    movements.forEach((kind, cents) -> movementCents.put(kind.name().toLowerCase(java.util.Locale.ROOT), cents));
    Map<String, Integer> byBand = new LinkedHashMap<>();
    bands.forEach((band, count) -> byBand.put(band.name(), count));
    return new SegmentKpis(
        accounts,
        sentiment.nps(), sentiment.npsRespondents(),
        sentiment.csat(), sentiment.csatAnswers(),
        sentiment.ces(), sentiment.cesAnswers(),
        support.fcr(), byContact,
        seconds(support.firstResponseMedian()), seconds(support.resolutionMedian()),
        support.openTickets(),
        mrrCents, 12 * mrrCents,
        payingAccounts == 0 ? null : mrrCents / payingAccounts,
        movementCents,
        periodStartMrr == 0 ? null : (double) (periodStartMrr + retainedChange) / periodStartMrr,
        periodStartMrr == 0 ? null : (double) (periodStartMrr + retainedChange + expansion) / periodStartMrr,
        byBand);
  }

  private static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }
}
