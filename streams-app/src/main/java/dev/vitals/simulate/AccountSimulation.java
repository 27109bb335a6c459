package dev.vitals.simulate;

import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One account's history, played a day at a time. The turning points of its story (when it goes
 * quiet, when payments fail, when it expands or cancels, its onboarding milestones) are decided
 * when the simulation starts; each day then draws usage, tickets, surveys and billing around
 * them from the account's own seeded generator.
 */
final class AccountSimulation {
  private static final double POWER_USER_DAILY_CHANCE = 0.8;
  private static final double WEEKEND_USAGE = 0.25;
  private static final int NEVER = Integer.MAX_VALUE;

  private final AccountPlan plan;
  private final Archetype archetype;
  private final SimulationPeriod period;
  private final SplittableRandom rng;

  private final List<String> keyFeatures;
  private final List<String> otherFeatures;
  private final List<String> users;
  private final int powerUsers;
  private final boolean usesApi;
  private final int apiFromDay;
  private final int dormantFromDay;
  /**
   * Where a churning account's story ends: its cancellation (for three in four of them) and the day its decline is
   * measured to ({@link #daysToChurn}). Spread over the last third of the history, so that a long history holds
   * cancellations throughout rather than all in its final week; NEVER for the other archetypes.
   */
  private final int churnDay;
  private final int cancelDay;
  private final Set<Integer> paymentFailureDays = new HashSet<>();
  private final int recoveredFailureDay;
  private final int expansionDay;
  private final int expandedSeats;
  private final int detractorDay;
  private final Map<Integer, String> milestones = new HashMap<>();
  private final OnboardingPath onboardingPath;
  /** Mixed into the account's seed for the id of an established account's onboarding milestone. */
  private static final long ESTABLISHED_SEED = 0x6f6e626f61726465L;
  private final int initialSeats;

  private int seats;
  private long mrrCents;
  private String planName;
  private LocalDate renewalDate;
  private LocalDate nextInvoice;
  private int invoicesSuppressedFromDay = NEVER;
  private int recoveryPaymentDay = NEVER;
  /** A cancelled churner that comes back (a REACTIVATION movement), a few days after cancelling; NEVER for most. */
  private int reactivationDay = NEVER;
  /** A declining account that drops seats (a CONTRACTION movement) in the last weeks of the history. */
  private final int contractionDay;
  /**
   * Draws for the revenue movements only: a stream of its own, so placing them draws nothing from {@link #rng} and
   * leaves every other event of the account as it was (the calibration figures rest on them).
   */
  private final SplittableRandom movements;
  private boolean cancelled;
  private int ticketCount;
  private Instant notBefore;

  AccountSimulation(AccountPlan plan, SimulationPeriod period) {
    this.plan = plan;
    this.archetype = plan.archetype();
    this.period = period;
    this.rng = new SplittableRandom(plan.seed());
    this.onboardingPath = OnboardingPath.of(plan.archetype(), plan.index());
    this.movements = new SplittableRandom(plan.seed() ^ 0x6d6f76656d656e74L);

    List<String> catalogue = new ArrayList<>(ProductCatalogue.FEATURES);
    shuffle(catalogue);
    int keyCount = 3 + rng.nextInt(3);
    this.keyFeatures = List.copyOf(catalogue.subList(0, keyCount));
    this.otherFeatures = List.copyOf(catalogue.subList(keyCount, catalogue.size()));

    double seatSpread = switch (plan.segment()) {
      case ENTERPRISE -> 0.75 + rng.nextDouble() * 0.65;
      case MID_MARKET -> 0.7 + rng.nextDouble() * 0.8;
      case SMB -> 0.6 + rng.nextDouble();
    };
    this.initialSeats = Math.max(3, (int) Math.round(ProductCatalogue.baseSeats(plan.segment()) * seatSpread));
    this.seats = initialSeats;
    this.mrrCents = roundToDollars(seats * ProductCatalogue.pricePerSeatCents(plan.segment())
        * (0.9 + rng.nextDouble() * 0.2));
    this.planName = ProductCatalogue.plan(plan.segment());

    int days = period.days();
    int startDay = plan.startDay();
    LocalDate startDate = period.date(startDay);
    boolean expanding = archetype == Archetype.EXPANDING;
    // Expansions fall in the last four weeks, where the 30-day MRR movements (and the boards) see them.
    this.expansionDay = expanding
        ? between(Math.max((int) (days * 0.35), days - 28), Math.max((int) (days * 0.35), days - 3)) : NEVER;
    this.expandedSeats = expanding ? (int) Math.round(initialSeats * (1.4 + rng.nextDouble() * 0.4)) : initialSeats;

    int pool = expandedSeats;
    List<String> userIds = new ArrayList<>(pool);
    for (int i = 1; i <= pool; i++) {
      userIds.add(String.format("%s-u%03d", plan.accountId(), i));
    }
    this.users = List.copyOf(userIds);
    this.powerUsers = Math.max(1, (int) Math.round(pool * 0.1));

    this.usesApi = switch (plan.segment()) {
      case ENTERPRISE -> true;
      case MID_MARKET -> rng.nextDouble() < 0.8;
      case SMB -> rng.nextDouble() < 0.4;
    };
    this.dormantFromDay = archetype == Archetype.DORMANT ? Math.max(startDay + 1, days - 20 - rng.nextInt(9)) : NEVER;

    this.churnDay = archetype == Archetype.CHURNING ? days - between(2, Math.max(9, days / 3)) : NEVER;
    this.contractionDay = archetype == Archetype.DECLINING && days > 30 && movements.nextDouble() < 0.4
        ? days - 1 - movements.nextInt(25) : NEVER;
    // Renewals: at-risk kinds renew soon after the period, churners soon after their churn (RENEWAL_AT_RISK),
    // others spread out.
    LocalDate endDate = period.endDate();
    this.renewalDate = switch (archetype) {
      case CHURNING -> period.date(churnDay).plusDays(between(10, 55));
      case DECLINING -> rng.nextDouble() < 0.7 ? endDate.plusDays(between(5, 60)) : spreadRenewal(startDate, days);
      case DORMANT -> rng.nextDouble() < 0.5 ? endDate.plusDays(between(5, 60)) : spreadRenewal(startDate, days);
      case ONBOARDING -> startDate.plusYears(1);
      default -> spreadRenewal(startDate, days);
    };
    this.nextInvoice = switch (archetype) {
      case ONBOARDING -> startDate;
      case DORMANT -> invoiceAnchorFor(period.date(Math.min(days - 1, dormantFromDay + between(3, 12))), startDate);
      default -> startDate.plusDays(rng.nextInt(28));
    };

    if (archetype == Archetype.CHURNING) {
      int failure = Math.max(startDay + 1, churnDay - 26 + rng.nextInt(4));
      paymentFailureDays.add(failure);
      failure += between(3, 5);
      paymentFailureDays.add(failure);
      if (rng.nextDouble() < 0.6) {
        paymentFailureDays.add(failure + between(4, 6));
      }
      invoicesSuppressedFromDay = paymentFailureDays.stream().min(Integer::compare).orElseThrow();
      this.cancelDay = rng.nextDouble() < 0.75 ? churnDay : NEVER;
      this.detractorDay = Math.max(startDay + 1, churnDay - between(10, 25));
    } else {
      this.cancelDay = NEVER;
      this.detractorDay = NEVER;
    }
    this.recoveredFailureDay = archetype == Archetype.DECLINING && rng.nextDouble() < 0.35
        ? period.dayOf(nextInvoice.plusMonths(1)) : NEVER;

    if (archetype == Archetype.ONBOARDING) {
      milestones.put(startDay, "workspace-created");
      milestones.put(startDay + between(2, 6), "data-connected");
      milestones.put(startDay + between(7, 9), "team-invited");
      milestones.put(startDay + between(10, 25), "onboarding-complete");
      milestones.put(startDay + between(26, 40), "first-dashboard-shared");
      milestones.put(startDay + between(41, 60), "first-automation-live");
      this.apiFromDay = milestones.entrySet().stream().filter(e -> e.getValue().equals("data-connected"))
          .mapToInt(Map.Entry::getKey).findFirst().orElse(startDay);
    } else {
      this.apiFromDay = startDay;
      if ((archetype == Archetype.HEALTHY || archetype == Archetype.EXPANDING) && days > 2
          && rng.nextDouble() < 0.5) {
        milestones.put(between(1, days - 1), "roi-validated");
      }
      if (expanding && expansionDay > 5) {
        milestones.put(expansionDay - between(2, 5), "executive-sponsor-engaged");
      }
    }
  }

  /** Schedules this account's events of {@code day}. */
  void simulateDay(int day, EventTimeline out) {
    if (day < plan.startDay() || cancelled && day != reactivationDay) {
      return;
    }
    Instant dayStart = period.dayStart(day);
    if (day == plan.startDay()) {
      begin(dayStart, out);
    } else {
      notBefore = dayStart;
    }
    billing(day, dayStart, out);
    if (cancelled) {
      return;
    }
    boolean engaged = day < dormantFromDay;
    if (engaged) {
      usage(day, dayStart, out);
      tickets(day, dayStart, out);
      surveys(day, dayStart, out);
    }
    String milestone = milestones.get(day);
    if (milestone != null && engaged) {
      // Built whether published or not: the draws they take keep the rest of the story where it was.
      Instant at = WorkingHours.sample(rng, dayStart, notBefore);
      boolean published = onboardingPath.publishes(milestone);
      UsageEvent reached = usageEvent(at, users.get(0), UsageKind.MILESTONE, milestone, 1, 0);
      if (published) {
        out.schedule(reached);
      }
      if (milestone.equals("onboarding-complete")) {
        SurveyResponse effort = survey(WorkingHours.later(at, 3_600_000L, dayStart), users.get(0), SurveyKind.CES,
            between(4, 7), "onboarding");
        if (published) {
          out.schedule(effort);
        }
      }
    }
  }

  /** The profile, then the subscription, before anything else the account does. */
  private void begin(Instant dayStart, EventTimeline out) {
    Instant at = archetype == Archetype.ONBOARDING
        ? dayStart.plus(8, ChronoUnit.HOURS).plusSeconds(rng.nextInt(4 * 3600))
        : dayStart.plusSeconds(2L * plan.index());
    out.schedule(AccountProfile.newBuilder()
        .setEventId(EventIds.next(rng)).setAccountId(plan.accountId()).setOccurredAt(at)
        .setName(plan.name()).setSegment(plan.segment()).setCsm(plan.csm()).setRegion(plan.region())
        .setKeyFeatures(keyFeatures).build());
    if (onboardingPath == OnboardingPath.ESTABLISHED) {
      // Onboarded before the history begins: the milestone comes before the subscription Vitals sees, with an id
      // from a generator of its own so that the account's other events keep theirs.
      String eventId = EventIds.next(new SplittableRandom(plan.seed() ^ ESTABLISHED_SEED));
      out.schedule(UsageEvent.newBuilder().setEventId(eventId).setAccountId(plan.accountId()).setOccurredAt(at).setUserId(users.get(0)).setKind(UsageKind.MILESTONE).setFeature("onboarding-complete")
          .build());
    }
    Instant subscribed = at.plusSeconds(1);
    out.schedule(billingEvent(subscribed, BillingEventKind.SUBSCRIPTION_STARTED, mrrCents, seats, planName,
        renewalDate, null));
    notBefore = subscribed.plusSeconds(1);
  }

  private void billing(int day, Instant dayStart, EventTimeline out) {
    LocalDate date = period.date(day);
    if (day == expansionDay) {
      long newMrr = roundToDollars(mrrCents * (double) expandedSeats / seats * 0.95);
      seats = expandedSeats;
      mrrCents = newMrr;
      planName = ProductCatalogue.upgradedPlan(plan.segment());
      out.schedule(billingEvent(at(dayStart, 10), BillingEventKind.PLAN_CHANGED, mrrCents, seats, planName,
          renewalDate, null));
    }
    if (date.equals(renewalDate)) {
      renewalDate = renewalDate.plusYears(1);
      out.schedule(billingEvent(at(dayStart, 6), BillingEventKind.RENEWED, mrrCents, seats, planName,
          renewalDate, null));
    }
    if (paymentFailureDays.contains(day) || day == recoveredFailureDay) {
      out.schedule(billingEvent(at(dayStart, 9), BillingEventKind.PAYMENT_FAILED, null, null, null, null,
          mrrCents));
      if (day == recoveredFailureDay) {
        recoveryPaymentDay = day + between(2, 4);
      }
    }
    if (day == recoveryPaymentDay) {
      out.schedule(billingEvent(at(dayStart, 9), BillingEventKind.INVOICE_PAID, null, null, null, null, mrrCents));
    }
    if (date.equals(nextInvoice)) {
      nextInvoice = nextInvoice.plusMonths(1);
      if (day < invoicesSuppressedFromDay && day != recoveredFailureDay) {
        out.schedule(billingEvent(at(dayStart, 9), BillingEventKind.INVOICE_PAID, null, null, null, null,
            mrrCents));
      }
    }
    if (day == contractionDay) {
      seats = Math.max(3, (int) Math.round(seats * 0.7));
      mrrCents = roundToDollars(mrrCents * 0.7);
      out.schedule(billingEvent(movementAt(dayStart, 10), BillingEventKind.PLAN_CHANGED, mrrCents, seats, planName,
          renewalDate, null));
    }
    if (day == reactivationDay) {
      reactivate(date, dayStart, out);
    }
    if (day == cancelDay) {
      mrrCents = 0;
      seats = 0;
      out.schedule(billingEvent(at(dayStart, 15), BillingEventKind.CANCELLED, 0L, 0, null, null, null));
      cancelled = true;
      // Half the cancelled customers are won back within a fortnight, on a smaller plan (inside the history when
      // it leaves room, so the 30-day movements show reactivations).
      int room = Math.min(10, period.days() - day - 3);
      if (room > 0 && movements.nextDouble() < 0.5) {
        reactivationDay = day + 3 + movements.nextInt(room);
      }
    }
  }

  /** A cancelled account subscribes again: half its former seats, renewing a year on. */
  private void reactivate(LocalDate date, Instant dayStart, EventTimeline out) {
    cancelled = false;
    seats = Math.max(3, initialSeats / 2);
    mrrCents = roundToDollars(seats * ProductCatalogue.pricePerSeatCents(plan.segment()));
    renewalDate = date.plusYears(1);
    out.schedule(billingEvent(movementAt(dayStart, 11), BillingEventKind.SUBSCRIPTION_STARTED, mrrCents, seats,
        planName, renewalDate, null));
  }

  private void usage(int day, Instant dayStart, EventTimeline out) {
    double level = activity(day) * (period.isWeekend(day) ? WEEKEND_USAGE : 1.0);
    if (level <= 0) {
      return;
    }
    int engagedUsers = Math.min(users.size(), (int) Math.round(seats * engagement(day)));
    int keyInUse = keyFeaturesInUse(day);
    double docChance = docViewChance(day);
    // In a small team each user leans on the product more than in a large one.
    double casualChance = switch (plan.segment()) {
      case ENTERPRISE -> 0.06;
      case MID_MARKET -> 0.09;
      case SMB -> 0.15;
    };
    for (int i = 0; i < engagedUsers; i++) {
      double chance = (i < powerUsers ? POWER_USER_DAILY_CHANCE : casualChance) * level;
      if (rng.nextDouble() >= Math.min(0.95, chance)) {
        continue;
      }
      String user = users.get(i);
      Instant at = WorkingHours.sample(rng, dayStart, notBefore);
      out.schedule(usageEvent(at, user, UsageKind.LOGIN, null, 1, 0));
      if (rng.nextDouble() < 0.55) {
        String feature = rng.nextDouble() < 0.65
            ? keyFeatures.get(rng.nextInt(keyInUse))
            : otherFeatures.get(rng.nextInt(otherFeatures.size()));
        at = WorkingHours.later(at, 60_000L + rng.nextLong(45 * 60_000L), dayStart);
        out.schedule(usageEvent(at, user, UsageKind.FEATURE_USED, feature, 1 + rng.nextInt(6), 0));
      }
      if (rng.nextDouble() < docChance) {
        ProductCatalogue.Article article = ProductCatalogue.article(rng);
        at = WorkingHours.later(at, 30_000L + rng.nextLong(20 * 60_000L), dayStart);
        out.schedule(usageEvent(at, user, UsageKind.DOC_VIEWED, article.slug(), 1, 0));
        if (rng.nextDouble() < 0.15) {
          int rating = (int) Math.round(article.quality() + rng.nextGaussian() * 0.8);
          out.schedule(survey(WorkingHours.later(at, 60_000L + rng.nextLong(5 * 60_000L), dayStart), user,
              SurveyKind.RESOURCE, Math.max(1, Math.min(5, rating)), article.slug()));
        }
      }
    }
    if (usesApi && day >= apiFromDay) {
      int batches = (plan.segment() == Segment.ENTERPRISE ? 3 : 2) - (period.isWeekend(day) ? 1 : 0);
      double errorRate = apiErrorRate(day);
      for (int b = 0; b < batches; b++) {
        int count = (int) Math.round(ProductCatalogue.apiCallsPerBatch(plan.segment()) * level
            * (0.6 + rng.nextDouble() * 0.8));
        if (count < 1) {
          continue;
        }
        int errors = Math.min(count, (int) Math.round(count * errorRate * (0.3 + rng.nextDouble() * 1.4)));
        String endpoint = ProductCatalogue.pick(rng, ProductCatalogue.API_ENDPOINTS);
        out.schedule(usageEvent(WorkingHours.sample(rng, dayStart, notBefore), null, UsageKind.API_CALL, endpoint,
            count, errors));
      }
    }
  }

  private void tickets(int day, Instant dayStart, EventTimeline out) {
    double expected = ProductCatalogue.ticketsPerDay(plan.segment()) * ticketLoad(day)
        * WorkingHours.ticketVolume(period.date(day).getDayOfWeek());
    int count = poisson(expected);
    SupportStyle style = archetype.support();
    double complaintShare = archetype == Archetype.DECLINING
        ? style.complaintShare() + 0.15 * period.progress(day)
        : style.complaintShare();
    for (int i = 0; i < count; i++) {
      ticketCount++;
      String ticketId = String.format("TK-%s-%03d", plan.accountId().substring(plan.accountId().indexOf('-') + 1),
          ticketCount);
      String requester = users.get(rng.nextInt(Math.max(1, Math.min(users.size(), seats))));
      SimulatedTicket.open(rng, out, plan.accountId(), ticketId, style, complaintShare,
          WorkingHours.sample(rng, dayStart, notBefore), requester);
    }
  }

  private void surveys(int day, Instant dayStart, EventTimeline out) {
    boolean weekday = !period.isWeekend(day);
    int respondents = Math.max(1, Math.min(users.size(), seats));
    if (weekday && rng.nextDouble() < ProductCatalogue.npsAnswersPerDay(plan.segment())) {
      int score = npsScore(day);
      out.schedule(survey(WorkingHours.sample(rng, dayStart, notBefore), users.get(rng.nextInt(respondents)),
          SurveyKind.NPS, score, "in-app", npsComment(score)));
    }
    if (day == detractorDay) {
      int score = rng.nextInt(5);
      out.schedule(survey(WorkingHours.sample(rng, dayStart, notBefore), users.get(0), SurveyKind.NPS, score,
          "quarterly-review", "Too many issues lately, we are evaluating alternatives"));
    }
    if (weekday && rng.nextDouble() < ProductCatalogue.npsAnswersPerDay(plan.segment()) / 3) {
      out.schedule(survey(WorkingHours.sample(rng, dayStart, notBefore), users.get(rng.nextInt(respondents)),
          SurveyKind.CES, cesScore(), ProductCatalogue.pick(rng, keyFeatures)));
    }
  }

  // --- how the archetype shapes each day ---------------------------------------------------

  /** Multiplier on every user's chance of being active today (1 = the account's normal). */
  private double activity(int day) {
    double progress = period.progress(day);
    double noise = 0.9 + rng.nextDouble() * 0.2;
    double level = switch (archetype) {
      case HEALTHY -> 1.0;
      case EXPANDING -> 0.9 + 0.25 * progress;
      case DECLINING -> 1.0 - 0.7 * progress;
      case CHURNING -> {
        int toChurn = daysToChurn(day);
        yield toChurn > 45 ? 0.9 : toChurn > 10 ? 0.15 + 0.75 * (toChurn - 10) / 35.0 : 0.05;
      }
      case DORMANT -> 0.6;
      case ONBOARDING -> Math.min(1.0, 0.3 + (day - plan.startDay()) / 30.0);
    };
    return level * noise;
  }

  /** Share of the seats whose users use the product at all. */
  private double engagement(int day) {
    double progress = period.progress(day);
    return switch (archetype) {
      case HEALTHY -> 0.92;
      case EXPANDING -> day < expansionDay ? 0.93 + 0.05 * progress
          : Math.min(0.93, (double) initialSeats / seats + (day - expansionDay) / 20.0);
      case DECLINING -> 0.85 - 0.45 * progress;
      case CHURNING -> daysToChurn(day) > 45 ? 0.75 : 0.2 + 0.55 * Math.max(0, daysToChurn(day)) / 45.0;
      case DORMANT -> 0.55;
      case ONBOARDING -> 0.3 + 0.6 * Math.min(1.0, (day - plan.startDay()) / 30.0);
    };
  }

  private int keyFeaturesInUse(int day) {
    int all = keyFeatures.size();
    return switch (archetype) {
      case HEALTHY, EXPANDING -> all;
      case DORMANT -> Math.max(1, all - 2);
      case DECLINING -> Math.max(1, all - (int) Math.floor(all * period.progress(day)));
      case CHURNING -> daysToChurn(day) > 30 ? all - 1 : 1;
      case ONBOARDING -> Math.min(all, 1 + (day - plan.startDay()) / 5);
    };
  }

  private double docViewChance(int day) {
    return switch (archetype) {
      case ONBOARDING -> day - plan.startDay() < 30 ? 0.2 : 0.06;
      case DECLINING -> 0.05 + 0.1 * period.progress(day);
      case CHURNING -> 0.1;
      default -> 0.05;
    };
  }

  private double apiErrorRate(int day) {
    return switch (archetype) {
      case HEALTHY -> 0.004;
      case EXPANDING -> 0.006;
      case DORMANT -> 0.01;
      case DECLINING -> 0.01 + 0.05 * period.progress(day);
      case CHURNING -> daysToChurn(day) > 30 ? 0.03 : 0.08;
      case ONBOARDING -> day - plan.startDay() < 14 ? 0.03 : 0.01;
    };
  }

  /**
   * Days from {@code day} to the churning account's churn day (negative after it): its decline begins 45 days
   * before, its usage collapses in the last 10, its payments fail from about 26 days before.
   */
  private int daysToChurn(int day) {
    return churnDay - day;
  }

  /** Multiplier on the segment's normal ticket volume. */
  private double ticketLoad(int day) {
    return switch (archetype) {
      case HEALTHY -> 0.7;
      case EXPANDING -> 0.9;
      case DORMANT -> 0.6;
      case DECLINING -> 0.8 + 2.0 * period.progress(day);
      case CHURNING -> daysToChurn(day) > 45 ? 1.3 : 2.2;
      case ONBOARDING -> day - plan.startDay() < 30 ? 2.0 : 1.0;
    };
  }

  private int npsScore(int day) {
    double pick = rng.nextDouble();
    return switch (archetype) {
      case HEALTHY -> pick < 0.75 ? between(9, 10) : pick < 0.95 ? between(7, 8) : between(5, 6);
      case EXPANDING -> pick < 0.8 ? between(9, 10) : between(7, 8);
      case ONBOARDING -> pick < 0.5 ? between(9, 10) : between(7, 8);
      case DORMANT -> pick < 0.6 ? between(7, 8) : pick < 0.85 ? between(5, 6) : 9;
      case DECLINING -> pick < 0.25 + 0.4 * period.progress(day) ? between(3, 6) : pick < 0.9 ? between(7, 8) : 9;
      case CHURNING -> daysToChurn(day) > 45 ? (pick < 0.4 ? between(4, 6) : between(7, 8)) : between(0, 5);
    };
  }

  private static String npsComment(int score) {
    if (score >= 9) {
      return "The team relies on it every day";
    }
    return score <= 6 ? "Sync problems keep coming back" : null;
  }

  private int cesScore() {
    return switch (archetype) {
      case HEALTHY, EXPANDING -> between(5, 7);
      case ONBOARDING, DORMANT -> between(4, 6);
      case DECLINING -> between(3, 5);
      case CHURNING -> between(2, 4);
    };
  }

  // --- event construction ---------------------------------------------------------------------

  private UsageEvent usageEvent(Instant at, String user, UsageKind kind, String feature, int count, int errors) {
    return UsageEvent.newBuilder()
        .setEventId(EventIds.next(rng)).setAccountId(plan.accountId()).setOccurredAt(at)
        .setUserId(user).setKind(kind).setFeature(feature).setCount(count).setErrorCount(errors).build();
  }

  private BillingEvent billingEvent(Instant at, BillingEventKind kind, Long mrr, Integer seatCount, String planName,
      LocalDate renewal, Long amount) {
    return BillingEvent.newBuilder()
        .setEventId(EventIds.next(rng)).setAccountId(plan.accountId()).setOccurredAt(at)
        .setKind(kind).setMrrCents(mrr).setSeats(seatCount).setPlan(planName).setRenewalDate(renewal)
        .setAmountCents(amount).setCurrency("USD").build();
  }

  private SurveyResponse survey(Instant at, String respondent, SurveyKind kind, int score, String touchpoint) {
    return survey(at, respondent, kind, score, touchpoint, null);
  }

  private SurveyResponse survey(Instant at, String respondent, SurveyKind kind, int score, String touchpoint,
      String comment) {
    return SurveyResponse.newBuilder()
        .setEventId(EventIds.next(rng)).setAccountId(plan.accountId()).setOccurredAt(at)
        .setRespondentId(respondent).setSurvey(kind).setScore(score).setComment(comment)
        .setTouchpoint(touchpoint).build();
  }

  /** Billing runs in the morning; the exact minute varies. */
  /** As {@link #at}, drawn from the movements' own stream. */
  private Instant movementAt(Instant dayStart, int hour) {
    Instant at = dayStart.plus(hour, ChronoUnit.HOURS).plusSeconds(movements.nextInt(3600));
    return at.isBefore(notBefore) ? notBefore : at;
  }

  private Instant at(Instant dayStart, int hour) {
    Instant at = dayStart.plus(hour, ChronoUnit.HOURS).plusSeconds(rng.nextInt(3600));
    return at.isBefore(notBefore) ? notBefore : at;
  }

  /**
   * The first invoice date, within a month of the start, from which monthly invoices hit
   * {@code target}: a dormant account is still billed while it is silent, which is the point.
   */
  private static LocalDate invoiceAnchorFor(LocalDate target, LocalDate startDate) {
    LocalDate anchor = target.getDayOfMonth() > 28 ? target.withDayOfMonth(28) : target;
    while (!anchor.minusMonths(1).isBefore(startDate)) {
      anchor = anchor.minusMonths(1);
    }
    return anchor;
  }

  private LocalDate spreadRenewal(LocalDate startDate, int days) {
    return startDate.plusDays(between(5, days + 300));
  }

  private int between(int low, int high) {
    return low + rng.nextInt(high - low + 1);
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= rng.nextDouble();
    }
    return count;
  }

  private void shuffle(List<String> values) {
    for (int i = values.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      String swap = values.get(i);
      values.set(i, values.get(j));
      values.set(j, swap);
    }
  }

  private static long roundToDollars(double cents) {
    return Math.round(cents / 100.0) * 100;
  }
}
