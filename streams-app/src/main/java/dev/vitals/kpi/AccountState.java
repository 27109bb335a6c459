package dev.vitals.kpi;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything Vitals remembers about one account: the ledgers its events leave, its profile, its open alerts and
 * what was last emitted for it. The ledgers keep event-level detail for the longest window plus the 7-day score
 * history and the grace period, so the KPIs can be recomputed exactly as of any instant in that span; that is what
 * makes late and out-of-order events, and the 7-day delta, come out the same whatever the arrival order.
 */
public final class AccountState {
  /** Billing is kept longer than any KPI window: MRR movements are reported over periods of up to a year. */
  static final Duration BILLING_RETENTION = Duration.ofDays(400);

  public String accountId;
  public ProfileView profile;
  public UsageLedger usage = new UsageLedger();
  public TicketBook tickets = new TicketBook();
  public BillingLedger billing = new BillingLedger();
  public SurveyLedger surveys = new SurveyLedger();
  public Instant firstEventAt;
  public Instant latestEventAt;
  /** The latest event time of each source (SPEC §8, data freshness); shown in the health record. */
  public SourceFreshness freshness = new SourceFreshness();
  /** Open alerts by rule, with the event time they were raised. */
  public Map<AlertRule, Instant> openAlerts = new TreeMap<>();
  /**
   * The last health record emitted, so an unchanged account is not emitted again. In memory only: the health view
   * store keeps it, and the processor reads it back from there after a restore.
   */
  public AccountHealth lastEmittedHealth;
  /** The summary's bytes as last stored, in memory only: an evaluation that changed none of it writes nothing. */
  public byte[] storedSummary;
  /**
   * The score at the close of each recent UTC day (epoch day to score), computed once and kept: the 7-day delta,
   * the score-drop peak and AT_RISK's hysteresis read them instead of recomputing past KPIs on every evaluation.
   */
  public TreeMap<Long, Double> closingScores = new TreeMap<>();
  /** The scoring configuration the closing scores were computed with: another one recomputes them. */
  public String closingScoresModel;
  /** The earliest day whose closing score a late event (or a profile change) invalidated; null when none. */
  public Long rescoreFromDay;
  /** The latest event day on which the ledgers were pruned, so pruning runs once a day. */
  public Long prunedOnDay;
  /**
   * What the last evaluation derived from the ledgers (the evaluator's own type), in memory only and never stored:
   * while no event changes the account, re-evaluating it (every account is, each time the event clock enters a new
   * day) reuses it and only re-checks what the passing of time changes. Cleared by every change to the ledgers.
   */
  public Object derived;
  /**
   * Usage KPIs at past closes, in memory only (recomputed after a restore or an eviction, from the ledgers): the
   * closes USAGE_COLLAPSE's daily verdict reads, computed once per day rather than on every evaluation.
   */
  private final TreeMap<Long, UsageKpis> closingUsage = new TreeMap<>();
  /** More closes than the score history needs, so a day's roll-over does not recompute the ones still needed. */
  private static final int CLOSING_USAGE_KEPT = 16;

  public AccountState() {}

  public static AccountState of(String accountId) {
    AccountState state = new AccountState();
    state.accountId = accountId;
    return state;
  }

  /** True when {@code occurredAt} is older than the account's latest event time by more than the grace period. */
  public boolean isTooLate(Instant occurredAt, Duration grace) {
    return latestEventAt != null && occurredAt.isBefore(latestEventAt.minus(grace));
  }

  /** Why an event at {@code occurredAt} is refused as too late, in the words of the dead-letter detail. */
  public String tooLateDetail(Instant occurredAt, Duration grace) {
    String period = grace.toHours() % 24 == 0 ? grace.toDays() + " days" : grace.toString();
    return "occurredAt " + occurredAt + " is more than the grace period of " + period
        + " before the account's latest event time " + latestEventAt;
  }

  /** Applies one accepted input event (usage, ticket, billing, survey or profile). */
  public void apply(Object event, Instant occurredAt) {
    if (event instanceof UsageEvent usageEvent) {
      usage.record(usageEvent);
    } else if (event instanceof TicketEvent ticketEvent) {
      tickets.record(ticketEvent);
    } else if (event instanceof BillingEvent billingEvent) {
      billing.record(billingEvent);
    } else if (event instanceof SurveyResponse response) {
      surveys.record(response);
    } else if (event instanceof AccountProfile accountProfile) {
      applyProfile(accountProfile);
    } else {
      throw new IllegalArgumentException("not an account event: " + event.getClass().getName());
    }
    derived = null;
    invalidateClosingScores(event, occurredAt);
    // Seats (billing) and key features (profile) count in the usage KPIs too; a profile may change any past day.
    // Most events fall on a day after every kept close: checked first, so they allocate no map view.
    if (!closingUsage.isEmpty()) {
      long from = event instanceof AccountProfile ? Long.MIN_VALUE : EventDay.of(occurredAt);
      if (from <= closingUsage.lastKey()) {
        closingUsage.tailMap(from).clear();
      }
    }
    firstEventAt = firstEventAt == null || occurredAt.isBefore(firstEventAt) ? occurredAt : firstEventAt;
    latestEventAt = latestEventAt == null || occurredAt.isAfter(latestEventAt) ? occurredAt : latestEventAt;
    freshness.record(event, occurredAt);
  }

  /**
   * An event on a day whose closing score is already kept changes the closing scores from its day on (a late event,
   * or the first event of an account that was silent while days closed); a profile (segment, key features) changes
   * how every past day is scored.
   */
  private void invalidateClosingScores(Object event, Instant occurredAt) {
    long from;
    if (event instanceof AccountProfile) {
      from = Long.MIN_VALUE;
    } else if (!closingScores.isEmpty() && EventDay.of(occurredAt) <= closingScores.lastKey()) {
      from = EventDay.of(occurredAt);
    } else {
      return;
    }
    rescoreFromDay = rescoreFromDay == null ? from : Math.min(rescoreFromDay, from);
  }

  private void applyProfile(AccountProfile accountProfile) {
    // A profile update that arrives out of order must not overwrite a newer one.
    if (profile == null || !accountProfile.getOccurredAt().isBefore(profile.updatedAt())) {
      profile = ProfileView.of(accountProfile);
    }
  }

  /** The KPIs as of {@code asOf}, which may be up to the score history before the latest event time. */
  public AccountKpis kpisAt(Instant asOf) {
    return kpisAt(asOf, asOf, surveys.tally(asOf), tickets.tally(asOf));
  }

  /**
   * The KPIs and the figures behind them as of {@code asOf}, from one pass over the survey and ticket ledgers:
   * what an evaluation that emits needs.
   */
  public Measured measuredAt(Instant asOf) {
    return measuredAt(asOf, asOf);
  }

  /**
   * As {@link #measuredAt(Instant)}, with the usage KPIs measured as of {@code usageAsOf} (at most {@code asOf}):
   * during a usage data gap they stop where the pipeline's usage data stops (see health.UsageHorizon).
   */
  public Measured measuredAt(Instant asOf, Instant usageAsOf) {
    SurveyTally surveyTally = surveys.tally(asOf);
    TicketTally ticketTally = tickets.tally(asOf);
    AccountKpis kpis = kpisAt(asOf, usageAsOf, surveyTally, ticketTally);
    return new Measured(kpis, AccountFigures.of(surveyTally, ticketTally,
        RevenueMovements.of(billing, asOf, KpiWindows.MRR_CHANGE), kpis.usage().apiErrors7d()));
  }

  /** An account's KPIs and their figures, taken together. */
  public record Measured(AccountKpis kpis, AccountFigures figures) {}

  private AccountKpis kpisAt(Instant asOf, Instant usageAsOf, SurveyTally surveyTally, TicketTally ticketTally) {
    List<String> keyFeatures = profile == null ? List.of() : profile.keyFeatures();
    return new AccountKpis(
        asOf,
        usage.kpis(usageAsOf, billing.seatsAt(asOf), keyFeatures, billing.subscribedSinceAt(asOf)),
        ticketTally.kpis(),
        billing.kpis(asOf),
        surveyTally.kpis());
  }

  /**
   * The usage KPIs alone at the close of {@code day}, null before the account's first event: what USAGE_COLLAPSE
   * reads at past closes, without tallying tickets and surveys. Kept in memory once computed, until an event on or
   * before that day changes them.
   */
  public UsageKpis usageAtClose(long day) {
    Instant close = EventDay.lastInstantOf(day);
    if (firstEventAt == null || close.isBefore(firstEventAt)) {
      return null;
    }
    UsageKpis kept = closingUsage.get(day);
    if (kept == null) {
      List<String> keyFeatures = profile == null ? List.of() : profile.keyFeatures();
      kept = usage.kpis(close, billing.seatsAt(close), keyFeatures, billing.subscribedSinceAt(close));
      closingUsage.put(day, kept);
      while (closingUsage.size() > CLOSING_USAGE_KEPT) {
        closingUsage.pollFirstEntry();
      }
    }
    return kept;
  }

  /** The onboarding journey of the running subscription as of {@code asOf} (SPEC §3, onboarding). */
  public OnboardingJourney onboardingAt(Instant asOf) {
    return onboardingAt(asOf, asOf);
  }

  /**
   * The journey of the subscription running at {@code asOf}, its usage (milestones, API calls, feature uses) and
   * the time it has run measured only up to {@code usageAsOf} (never before the subscription's start): milestones are
   * usage events, so while the usage source is silent for everyone the journey does not age into a stall.
   */
  public OnboardingJourney onboardingAt(Instant asOf, Instant usageAsOf) {
    List<String> keyFeatures = profile == null ? List.of() : profile.keyFeatures();
    Instant startedAt = billing.subscribedSinceAt(asOf);
    Instant measured = startedAt != null && usageAsOf.isBefore(startedAt) ? startedAt : usageAsOf;
    return OnboardingJourney.of(usage, startedAt, keyFeatures, measured);
  }

  /** Respondents whose latest NPS answer is a detractor's, as of {@code asOf}. */
  public List<SurveyAnswer> detractorsAt(Instant asOf, int maxScore) {
    return surveys.detractors(asOf, maxScore);
  }

  /**
   * Whole days from the account's last usage to {@code now}, which may be later than its latest event: an account
   * that stops using the product may still send invoices, or nothing at all. Null when it never used it.
   */
  public Integer daysWithoutUsage(Instant now) {
    Long lastDay = usage.lastUsageDay;
    return lastDay == null ? null : (int) Math.max(0, EventDay.of(now) - lastDay);
  }

  /** How long the current subscription has run up to {@code now}; null when not subscribed as of now. */
  public Duration subscribedFor(Instant now) {
    Instant since = billing.subscribedSinceAt(now);
    return since == null ? null : Duration.between(since, now);
  }

  /**
   * Forgets what no KPI window can reach any more from {@code reachBack} before the latest event time (the grace
   * period plus the score history).
   */
  public void prune(Duration reachBack) {
    if (latestEventAt == null) {
      return;
    }
    // Pruning can change what is derived (an abandoned ticket leaves the open count): derive again afterwards.
    derived = null;
    // From the start of the latest event's day, so what is pruned depends on the day only, not on when in the day
    // an evaluation happened to run.
    Instant reach = EventDay.startOf(EventDay.of(latestEventAt)).minus(reachBack);
    usage.prune(EventDay.of(reach) - KpiWindows.RECENT_USAGE_DAYS - KpiWindows.PRIOR_USAGE_DAYS);
    surveys.prune(reach.minus(KpiWindows.SURVEYS));
    tickets.prune(reach.minus(KpiWindows.TICKETS));
    billing.prune(reach.minus(BILLING_RETENTION), reach.minus(KpiWindows.MRR_CHANGE));
  }
}
