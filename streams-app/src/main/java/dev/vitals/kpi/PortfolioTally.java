package dev.vitals.kpi;

import dev.vitals.schema.HealthBand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds accounts (or the {@link PortfolioCounts} of other instances) up into one segment's counts as of one instant
 * and over one period. Mutable, so that adding thousands of accounts does not copy the ticket durations each time.
 */
final class PortfolioTally {
  private final Instant asOf;
  private final Duration period;
  private int accounts;
  private SurveyTally surveys = SurveyTally.EMPTY;
  private int openTickets;
  private final int[] resolvedByContacts = new int[3];
  private int firstContactResolved;
  private final List<Long> firstResponseMillis = new ArrayList<>();
  private final List<Long> resolutionMillis = new ArrayList<>();
  private long mrrCents;
  private int payingAccounts;
  private final Map<String, Long> movementCents = new LinkedHashMap<>();
  private long periodStartMrr;
  private long retainedExpansion;
  private long retainedContraction;
  private long retainedChurn;
  private final int[] logos = new int[RetentionFigures.COUNTS];
  private final int[] logos90d = new int[RetentionFigures.COUNTS];
  private int activeUsers;
  private int powerUsers;
  private final Map<String, Integer> bands = new LinkedHashMap<>();
  private final OnboardingTally onboarding;
  private final TicketAnalyticsTally ticketAnalytics;

  PortfolioTally(Instant asOf, Duration period) {
    this.asOf = asOf;
    this.period = period;
    this.onboarding = new OnboardingTally(asOf);
    this.ticketAnalytics = new TicketAnalyticsTally(asOf);
    for (MrrMovement.Kind kind : MrrMovement.Kind.values()) {
      movementCents.put(name(kind), 0L);
    }
    for (HealthBand band : HealthBand.values()) {
      bands.put(band.name(), 0);
    }
  }

  /** Adds one account with the band of its latest health record (null when it has none). */
  void add(AccountState state, HealthBand band) {
    accounts++;
    surveys = surveys.plus(state.surveys.tally(asOf));
    TicketTally tickets = state.tickets.tally(asOf);
    openTickets += tickets.open;
    for (int i = 0; i < resolvedByContacts.length; i++) {
      resolvedByContacts[i] += tickets.resolvedByContacts[i];
    }
    firstContactResolved += tickets.firstContactResolved;
    tickets.firstResponses.forEach(d -> firstResponseMillis.add(d.toMillis()));
    tickets.resolutions.forEach(d -> resolutionMillis.add(d.toMillis()));
    Long mrr = state.billing.mrrAt(asOf);
    if (mrr != null && mrr > 0) {
      mrrCents += mrr;
      payingAccounts++;
    }
    addMovements(RevenueMovements.of(state.billing, asOf, period));
    RetentionFigures.of(state.billing, asOf, period).addTo(logos);
    RetentionFigures.of(state.billing, asOf, KpiPeriod.CLV_CHURN_WINDOW.duration()).addTo(logos90d);
    UsageKpis usage = state.usage.kpis(asOf, null, List.of(), null);
    activeUsers += usage.activeUsers30d();
    powerUsers += usage.powerUsers30d();
    if (band != null) {
      bands.merge(band.name(), 1, Integer::sum);
    }
    onboarding.add(state);
    ticketAnalytics.add(state.tickets, usage.activeUsers30d() > 0);
  }

  /** Movements in the period; GRR and NRR count only accounts that were paying when the period started. */
  private void addMovements(RevenueMovements account) {
    if (account.periodStartCents() != null) {
      periodStartMrr += account.periodStartCents();
    }
    for (MrrMovement.Kind kind : MrrMovement.Kind.values()) {
      movementCents.merge(name(kind), account.centsOf(kind), Long::sum);
    }
    retainedExpansion += account.retainedCentsOf(MrrMovement.Kind.EXPANSION);
    retainedContraction += account.retainedCentsOf(MrrMovement.Kind.CONTRACTION);
    retainedChurn += account.retainedCentsOf(MrrMovement.Kind.CHURN);
  }

  /** Adds the counts another instance tallied over its own accounts, as of the same instant and period. */
  void add(PortfolioCounts other) {
    accounts += other.accounts();
    surveys = surveys.plus(new SurveyTally(other.npsRespondents(), other.npsPromoters(), other.npsDetractors(),
        other.csatAnswers(), other.csatSatisfied(), other.cesAnswers(), other.cesSum()));
    openTickets += other.openTickets();
    for (int i = 0; i < resolvedByContacts.length; i++) {
      resolvedByContacts[i] += other.resolvedByContacts().get(i);
    }
    firstContactResolved += other.firstContactResolved();
    firstResponseMillis.addAll(other.firstResponseMillis());
    resolutionMillis.addAll(other.resolutionMillis());
    mrrCents += other.mrrCents();
    payingAccounts += other.payingAccounts();
    other.movementCents().forEach((kind, cents) -> movementCents.merge(kind, cents, Long::sum));
    periodStartMrr += other.periodStartMrrCents();
    retainedExpansion += other.retainedExpansionCents();
    retainedContraction += other.retainedContractionCents();
    retainedChurn += other.retainedChurnCents();
    RetentionFigures.addCounts(logos, other.accountsAtStart(), other.accountsAtEnd(), other.churnedAccounts(),
        other.newAccounts(), other.reactivatedAccounts(), other.renewalsDue(), other.renewed(),
        other.loyalAccounts());
    logos90d[RetentionFigures.AT_START] += other.accountsAtStart90d();
    logos90d[RetentionFigures.CHURNED] += other.churnedAccounts90d();
    activeUsers += other.activeUsers();
    powerUsers += other.powerUsers();
    other.accountsByBand().forEach((band, count) -> bands.merge(band, count, Integer::sum));
    onboarding.add(other.onboarding());
    ticketAnalytics.add(other.tickets());
  }

  PortfolioCounts counts() {
    return new PortfolioCounts(accounts,
        surveys.npsRespondents(), surveys.npsPromoters(), surveys.npsDetractors(),
        surveys.csatAnswers(), surveys.csatSatisfied(), surveys.cesAnswers(), surveys.cesSum(),
        openTickets, List.of(resolvedByContacts[0], resolvedByContacts[1], resolvedByContacts[2]),
        firstContactResolved, List.copyOf(firstResponseMillis), List.copyOf(resolutionMillis),
        mrrCents, payingAccounts, inOrder(movementCents),
        periodStartMrr, retainedExpansion, retainedContraction, retainedChurn,
        logos[RetentionFigures.AT_START], logos[RetentionFigures.AT_END], logos[RetentionFigures.CHURNED],
        logos[RetentionFigures.NEW], logos[RetentionFigures.REACTIVATED], logos[RetentionFigures.RENEWALS_DUE],
        logos[RetentionFigures.RENEWED], logos[RetentionFigures.LOYAL],
        activeUsers, powerUsers,
        logos90d[RetentionFigures.AT_START], logos90d[RetentionFigures.CHURNED],
        inOrder(bands), onboarding.counts(), ticketAnalytics.counts());
  }

  private static <V> Map<String, V> inOrder(Map<String, V> values) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  private static String name(MrrMovement.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
