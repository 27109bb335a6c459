package dev.vitals.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.events.EventType;
import dev.vitals.events.EventValidator;
import dev.vitals.events.JsonEventCodec;
import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Checks the simulated history of 50 accounts over 90 days, generated once for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistorySimulatorTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private HistorySimulator simulator;
  private List<SpecificRecord> history;
  private Instant end;
  private Duration generationTime;

  @BeforeAll
  void generateOnce() {
    simulator = new HistorySimulator(42, 50, START, 90);
    long began = System.nanoTime();
    history = new ArrayList<>();
    simulator.forEach(history::add);
    generationTime = Duration.ofNanos(System.nanoTime() - began);
    end = simulator.end();
  }

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
    // given two simulators with the same seed and one with another
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    StringWriter other = new StringWriter();

    // when each writes its history
    long written = new HistorySimulator(7, 12, START, 45).writeJsonLines(first);
    new HistorySimulator(7, 12, START, 45).writeJsonLines(second);
    new HistorySimulator(8, 12, START, 45).writeJsonLines(other);

    // then the same seed reproduces every byte
    assertThat(second.toString()).isEqualTo(first.toString());
    assertThat(other.toString()).isNotEqualTo(first.toString());
    assertThat(first.toString().lines().count()).isEqualTo(written);
  }

  @Test
  void iteratingTwiceReplaysTheSameHistory() {
    List<String> firstIds = new HistorySimulator(3, 8, START, 20).stream().map(EventType::eventId).toList();
    List<String> secondIds = new HistorySimulator(3, 8, START, 20).stream().map(EventType::eventId).toList();

    assertThat(secondIds).isEqualTo(firstIds);
  }

  @Test
  void eventsComeInNonDecreasingEventTimeInsideThePeriod() {
    Instant previous = START;
    for (SpecificRecord event : history) {
      Instant at = EventType.occurredAt(event);
      assertThat(at).isAfterOrEqualTo(previous).isBefore(end);
      previous = at;
    }
  }

  @Test
  void everyEventPassesTheValidatorAndRoundTripsThroughJson() {
    EventValidator validator = new EventValidator();
    JsonEventCodec codec = new JsonEventCodec();

    for (SpecificRecord event : history) {
      assertThat(validator.validate(event)).as("%s", event).isEmpty();
      assertThat(codec.parse(codec.format(event))).isEqualTo(event);
    }
  }

  @Test
  void everyEventIdIsUnique() {
    Set<String> ids = new HashSet<>();
    for (SpecificRecord event : history) {
      assertThat(ids.add(EventType.eventId(event))).as("duplicate id %s", EventType.eventId(event)).isTrue();
    }
  }

  @Test
  void fiftyAccountsOverNinetyDaysStayModestAndQuick() {
    assertThat(history).hasSizeBetween(20_000, 60_000);
    // generous bound: the build machine is shared
    assertThat(generationTime).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void everyArchetypeAndSegmentIsRepresented() {
    assertThat(Set.copyOf(simulator.archetypes().values())).containsExactlyInAnyOrder(Archetype.values());
    assertThat(simulator.archetypes()).hasSize(50);
    assertThat(Set.copyOf(simulator.segments().values())).hasSize(3);
  }

  @Test
  void eachAccountStartsWithItsProfileThenItsSubscription() {
    for (String account : simulator.archetypes().keySet()) {
      List<SpecificRecord> events = eventsOf(account);

      AccountProfile profile = (AccountProfile) events.get(0);
      // an established customer's onboarding milestone, from before the history, comes between the two
      int second = events.get(1) instanceof UsageEvent onboarded
          && "onboarding-complete".equals(onboarded.getFeature()) ? 2 : 1;
      BillingEvent subscription = (BillingEvent) events.get(second);
      assertThat(profile.getName()).isNotBlank();
      assertThat(profile.getCsm()).isNotBlank();
      assertThat(profile.getKeyFeatures()).hasSizeBetween(3, 5);
      assertThat(subscription.getKind()).isEqualTo(BillingEventKind.SUBSCRIPTION_STARTED);
      assertThat(subscription.getMrrCents()).isPositive();
      assertThat(subscription.getSeats()).isPositive();
      assertThat(subscription.getPlan()).isNotBlank();
      assertThat(subscription.getRenewalDate()).isAfter(subscription.getOccurredAt().atZone(java.time.ZoneOffset.UTC)
          .toLocalDate());
    }
  }

  @Test
  void seatsFollowTheSegment() {
    simulator.segments().forEach((account, segment) -> {
      int seats = subscription(account).getSeats();
      switch (segment) {
        case ENTERPRISE -> assertThat(seats).isBetween(140, 290);
        case MID_MARKET -> assertThat(seats).isBetween(30, 80);
        case SMB -> assertThat(seats).isBetween(3, 17);
      }
    });
  }

  @Test
  void someRenewalsFallWithinSixtyDaysOfTheEnd() {
    long soon = simulator.archetypes().keySet().stream()
        .map(this::subscription)
        .filter(s -> !s.getRenewalDate().isBefore(date(end)) && !s.getRenewalDate().isAfter(date(end).plusDays(60)))
        .count();

    assertThat(soon).isGreaterThanOrEqualTo(5);
  }

  @Test
  void churningAccountsFailToPayCollapseInUsageAndMostlyCancelInTheLastThirdOfTheHistory() {
    List<String> churning = accountsOf(Archetype.CHURNING);
    Instant lastThird = end.minus(Duration.ofDays(30));
    int cancelled = 0;
    for (String account : churning) {
      List<SpecificRecord> events = eventsOf(account);
      List<BillingEvent> cancellations = billing(events, BillingEventKind.CANCELLED);
      // the story is told up to the cancellation, or up to the end for the one in four that has not cancelled yet
      Instant churn = cancellations.isEmpty() ? end : cancellations.get(0).getOccurredAt();

      long failures = billing(events, BillingEventKind.PAYMENT_FAILED).stream()
          .filter(b -> b.getOccurredAt().isAfter(churn.minus(Duration.ofDays(30)))).count();
      assertThat(failures).as(account).isGreaterThanOrEqualTo(2);
      assertThat(nps(events).stream().anyMatch(s -> s.getScore() <= 6
          && s.getOccurredAt().isAfter(churn.minus(Duration.ofDays(30))))).as(account).isTrue();

      if (!cancellations.isEmpty()) {
        cancelled++;
        assertThat(cancellations.get(0).getMrrCents()).isZero();
        assertThat(churn).as(account).isAfter(lastThird);
        long last7 = usageBetween(events, churn.minus(Duration.ofDays(7)), churn);
        double priorWeekly = usageBetween(events, churn.minus(Duration.ofDays(35)), churn.minus(Duration.ofDays(7)))
            / 4.0;
        assertThat(last7).as(account).isLessThan((long) (priorWeekly / 2));
      }
    }
    assertThat(cancelled).isGreaterThan(churning.size() / 2);
  }

  @Test
  void dormantAccountsAreSilentForTwoWeeksButStillPay() {
    for (String account : accountsOf(Archetype.DORMANT)) {
      List<SpecificRecord> events = eventsOf(account);

      Instant lastUsage = usage(events).stream().map(UsageEvent::getOccurredAt).max(Instant::compareTo).orElseThrow();
      assertThat(lastUsage).as(account).isBefore(end.minus(Duration.ofDays(14)));
      assertThat(billing(events, BillingEventKind.CANCELLED)).isEmpty();
      assertThat(billing(events, BillingEventKind.INVOICE_PAID)).anyMatch(b -> b.getOccurredAt().isAfter(lastUsage));
    }
  }

  @Test
  void healthyAccountsPayOnTimeAndUseMostOfTheirSeats() {
    for (String account : accountsOf(Archetype.HEALTHY)) {
      List<SpecificRecord> events = eventsOf(account);

      assertThat(billing(events, BillingEventKind.PAYMENT_FAILED)).as(account).isEmpty();
      assertThat(billing(events, BillingEventKind.INVOICE_PAID)).isNotEmpty();
      long activeUsers = usage(events).stream()
          .filter(u -> u.getOccurredAt().isAfter(end.minus(Duration.ofDays(30))))
          .map(UsageEvent::getUserId).filter(Objects::nonNull).distinct().count();
      assertThat((double) activeUsers / subscription(account).getSeats()).as(account).isGreaterThan(0.6);
    }
  }

  @Test
  void healthyAccountsAreMostlyPromoters() {
    List<SurveyResponse> answers = accountsOf(Archetype.HEALTHY).stream()
        .flatMap(account -> nps(eventsOf(account)).stream()).toList();
    long promoters = answers.stream().filter(s -> s.getScore() >= 9).count();

    assertThat(promoters).isGreaterThan(answers.size() / 2);
  }

  @Test
  void decliningAccountsUseTheProductLessOverTime() {
    for (String account : accountsOf(Archetype.DECLINING)) {
      List<SpecificRecord> events = eventsOf(account);

      long lastMonth = usage(events).stream().filter(u -> u.getKind() == UsageKind.LOGIN)
          .filter(u -> u.getOccurredAt().isAfter(end.minus(Duration.ofDays(30)))).count();
      long firstMonth = usage(events).stream().filter(u -> u.getKind() == UsageKind.LOGIN)
          .filter(u -> u.getOccurredAt().isBefore(START.plus(Duration.ofDays(30)))).count();
      assertThat(lastMonth).as(account).isLessThan(firstMonth);
    }
  }

  @Test
  void expandingAccountsBuyMoreSeatsAtAHigherMrr() {
    for (String account : accountsOf(Archetype.EXPANDING)) {
      BillingEvent start = subscription(account);

      List<BillingEvent> changes = billing(eventsOf(account), BillingEventKind.PLAN_CHANGED);
      assertThat(changes).as(account).isNotEmpty();
      assertThat(changes.get(0).getSeats()).isGreaterThan(start.getSeats());
      assertThat(changes.get(0).getMrrCents()).isGreaterThan(start.getMrrCents());
    }
  }

  @Test
  void everyKindOfRevenueMovementFallsInTheLastThirtyDays() {
    Instant windowStart = end.minus(Duration.ofDays(30));
    List<BillingEvent> recent = history.stream()
        .filter(BillingEvent.class::isInstance).map(BillingEvent.class::cast)
        .filter(event -> !event.getOccurredAt().isBefore(windowStart)).toList();
    Map<String, BillingEvent> subscriptions = new java.util.HashMap<>();
    history.stream().filter(BillingEvent.class::isInstance).map(BillingEvent.class::cast)
        .filter(event -> event.getKind() == BillingEventKind.SUBSCRIPTION_STARTED)
        .forEach(event -> subscriptions.putIfAbsent(event.getAccountId(), event));

    // expansion and contraction: plan changes up and down; churn: cancellations; reactivation: a subscription
    // started again after a cancellation
    assertThat(recent).anySatisfy(event -> {
      assertThat(event.getKind()).isEqualTo(BillingEventKind.PLAN_CHANGED);
      assertThat(event.getMrrCents()).isGreaterThan(subscriptions.get(event.getAccountId()).getMrrCents());
    });
    assertThat(recent).anySatisfy(event -> {
      assertThat(event.getKind()).isEqualTo(BillingEventKind.PLAN_CHANGED);
      assertThat(event.getMrrCents()).isLessThan(subscriptions.get(event.getAccountId()).getMrrCents());
    });
    assertThat(recent).anySatisfy(event -> assertThat(event.getKind()).isEqualTo(BillingEventKind.CANCELLED));
    assertThat(recent).anySatisfy(event -> {
      assertThat(event.getKind()).isEqualTo(BillingEventKind.SUBSCRIPTION_STARTED);
      assertThat(billing(eventsOf(event.getAccountId()), BillingEventKind.CANCELLED))
          .anySatisfy(cancel -> assertThat(cancel.getOccurredAt()).isBefore(event.getOccurredAt()));
    });
  }

  @Test
  void onboardingAccountsStartMidPeriodAndCompleteStallOrNeverStart() {
    Map<String, List<String>> milestonesByAccount = new TreeMap<>();
    for (String account : accountsOf(Archetype.ONBOARDING)) {
      List<SpecificRecord> events = eventsOf(account);

      assertThat(subscription(account).getOccurredAt()).isAfter(START.plus(Duration.ofDays(14)));
      milestonesByAccount.put(account, milestonesOf(events));
    }

    // in plan order, of every four: complete, stall after connecting data, complete, never start
    assertThat(milestonesByAccount.values()).anySatisfy(reached ->
        assertThat(reached).contains("workspace-created", "onboarding-complete"));
    assertThat(milestonesByAccount.values()).anySatisfy(reached ->
        assertThat(reached).contains("workspace-created", "data-connected").doesNotContain("onboarding-complete"));
    assertThat(milestonesByAccount.values()).anySatisfy(reached -> assertThat(reached).isEmpty());
  }

  @Test
  void establishedAccountsWereOnboardedBeforeTheirSubscriptionIsSeen() {
    for (String account : accountsOf(Archetype.HEALTHY)) {
      UsageEvent onboarded = usage(eventsOf(account)).stream()
          .filter(u -> u.getKind() == UsageKind.MILESTONE && "onboarding-complete".equals(u.getFeature()))
          .findFirst().orElseThrow();

      assertThat(onboarded.getOccurredAt()).as(account).isBefore(subscription(account).getOccurredAt());
    }
  }

  private static List<String> milestonesOf(List<SpecificRecord> events) {
    return usage(events).stream().filter(u -> u.getKind() == UsageKind.MILESTONE).map(UsageEvent::getFeature)
        .filter(name -> !name.equals("roi-validated") && !name.equals("executive-sponsor-engaged")).toList();
  }

  @Test
  void ticketsOpenFirstAndCsatPointsAtAResolvedTicket() {
    Map<String, List<TicketEvent>> byTicket = history.stream().filter(TicketEvent.class::isInstance)
        .map(TicketEvent.class::cast).collect(Collectors.groupingBy(TicketEvent::getTicketId));
    byTicket.values().forEach(steps -> assertThat(steps.get(0).getKind()).isEqualTo(TicketEventKind.OPENED));

    List<SurveyResponse> csat = history.stream().filter(SurveyResponse.class::isInstance)
        .map(SurveyResponse.class::cast).filter(s -> s.getSurvey() == SurveyKind.CSAT).toList();
    assertThat(csat).isNotEmpty();
    for (SurveyResponse answer : csat) {
      List<TicketEvent> ticket = byTicket.get(answer.getTouchpoint());
      assertThat(ticket).as(answer.getTouchpoint()).isNotNull();
      assertThat(ticket.get(0).getAccountId()).isEqualTo(answer.getAccountId());
      assertThat(ticket).anyMatch(t -> t.getKind() == TicketEventKind.RESOLVED
          && t.getOccurredAt().isBefore(answer.getOccurredAt()));
    }
  }

  @Test
  void ticketsShowTheWholeRangeOfSupportWork() {
    List<TicketEvent> tickets = history.stream().filter(TicketEvent.class::isInstance)
        .map(TicketEvent.class::cast).toList();

    assertThat(tickets).extracting(TicketEvent::getKind).contains(TicketEventKind.values());
    assertThat(tickets).extracting(TicketEvent::getCategory).contains("complaint", "how-to", "bug");
    assertThat(tickets).filteredOn(t -> t.getKind() == TicketEventKind.AGENT_REPLIED)
        .allMatch(t -> t.getAgentId() != null);
  }

  @Test
  void costsAreBookedPerCentreForEachClosedMonth() {
    List<CostEntry> costs = history.stream().filter(CostEntry.class::isInstance).map(CostEntry.class::cast).toList();

    // January, February and March 2026 close inside a 90-day period from 1 January
    assertThat(costs).hasSize(9);
    assertThat(costs).allMatch(c -> c.getAccountId().equals(c.getCentre().name()));
    assertThat(costs).allMatch(c -> c.getMonth().getDayOfMonth() == 1);
  }

  @Test
  void aLongHistoryIsGeneratedLazily() {
    // given a history far too long to hold in memory at once
    HistorySimulator longRun = new HistorySimulator(1, 50, START, 100_000);

    // when the first events are read
    Iterator<SpecificRecord> events = longRun.iterator();
    int read = 0;
    while (events.hasNext() && read < 1_000) {
      events.next();
      read++;
    }

    // then they come without generating the rest
    assertThat(read).isEqualTo(1_000);
  }

  @Test
  void startIsMovedToMidnightUtc() {
    HistorySimulator simulator = new HistorySimulator(1, 2, Instant.parse("2026-01-01T13:45:00Z"), 3);

    assertThat(simulator.start()).isEqualTo(START);
    assertThat(simulator.end()).isEqualTo(START.plus(Duration.ofDays(3)));
  }

  // --- small queries over the generated history ----------------------------------------------

  private List<String> accountsOf(Archetype archetype) {
    List<String> accounts = simulator.archetypes().entrySet().stream().filter(e -> e.getValue() == archetype)
        .map(Map.Entry::getKey).toList();
    assertThat(accounts).as("accounts of %s", archetype).isNotEmpty();
    return accounts;
  }

  private List<SpecificRecord> eventsOf(String account) {
    return history.stream().filter(e -> EventType.accountId(e).equals(account)).toList();
  }

  private BillingEvent subscription(String account) {
    return billing(eventsOf(account), BillingEventKind.SUBSCRIPTION_STARTED).get(0);
  }

  private static List<BillingEvent> billing(List<SpecificRecord> events, BillingEventKind kind) {
    return events.stream().filter(BillingEvent.class::isInstance).map(BillingEvent.class::cast)
        .filter(b -> b.getKind() == kind).toList();
  }

  private static List<UsageEvent> usage(List<SpecificRecord> events) {
    return events.stream().filter(UsageEvent.class::isInstance).map(UsageEvent.class::cast).toList();
  }

  private static List<SurveyResponse> nps(List<SpecificRecord> events) {
    return events.stream().filter(SurveyResponse.class::isInstance).map(SurveyResponse.class::cast)
        .filter(s -> s.getSurvey() == SurveyKind.NPS).toList();
  }

  /** Sum of {@code count} over usage events between {@code fromDaysAgo} and {@code toDaysAgo} before the end. */
  /** Usage events' counts in {@code [oldest, newest)}. */
  private static long usageBetween(List<SpecificRecord> events, Instant oldest, Instant newest) {
    return usage(events).stream()
        .filter(u -> !u.getOccurredAt().isBefore(oldest) && u.getOccurredAt().isBefore(newest))
        .mapToLong(UsageEvent::getCount).sum();
  }

  private static java.time.LocalDate date(Instant instant) {
    return instant.atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }
}
