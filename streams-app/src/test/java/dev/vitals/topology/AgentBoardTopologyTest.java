package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.survey;
import static dev.vitals.testing.TestEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.agent.AgentBoard;
import dev.vitals.agent.AgentFigures;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.state.stored.StoredAgentHour;
import dev.vitals.state.stored.StoredAgentTicket;
import dev.vitals.state.stored.StoredPoorRating;
import dev.vitals.testing.PipelineDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent board through the topology: ticket steps credited to agents, re-keyed by agent, counted in hourly
 * windows of event time closed after the pipeline's grace (7 days by default).
 */
class AgentBoardTopologyTest {
  private static final TicketEventKind OPENED = TicketEventKind.OPENED;
  private static final TicketEventKind REPLIED = TicketEventKind.AGENT_REPLIED;
  private static final TicketEventKind RESOLVED = TicketEventKind.RESOLVED;
  private static final TicketEventKind REOPENED = TicketEventKind.REOPENED;

  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldCreditResolutionsFirstResponsesRepliesAndCsatToTheAgentsWhoseTicketsTheyAre() {
    // given: ann answers t1 in 20 min and resolves it on first contact; bob answers t2 in 60 min, replies twice
    pipeline.send(
        step("2026-03-02T09:00:00Z", "t1", OPENED, null),
        step("2026-03-02T09:20:00Z", "t1", REPLIED, "ann"),
        step("2026-03-02T09:40:00Z", "t1", RESOLVED, "ann"),
        step("2026-03-02T09:30:00Z", "t2", OPENED, null),
        step("2026-03-02T10:30:00Z", "t2", REPLIED, "bob"),
        step("2026-03-02T10:50:00Z", "t2", REPLIED, "bob"),
        step("2026-03-02T11:10:00Z", "t2", RESOLVED, "bob"),
        // when: each ticket's requester rates it
        csat("2026-03-02T12:00:00Z", "t1", 5, "Quick"),
        csat("2026-03-02T12:30:00Z", "t2", 2, "Took two replies"));

    // then: one window per agent and hour with a step, each holding what happened in it
    assertThat(hour("ann", "2026-03-02T09:00:00Z"))
        .extracting(StoredAgentHour::getReplies, StoredAgentHour::getResolved,
            StoredAgentHour::getFirstContactResolved, StoredAgentHour::getFirstResponseSecondsSum)
        .containsExactly(1, 1, 1, 1_200L);
    assertThat(hour("bob", "2026-03-02T10:00:00Z"))
        .extracting(StoredAgentHour::getReplies, StoredAgentHour::getResolved,
            StoredAgentHour::getFirstResponseSecondsSum)
        .containsExactly(2, 0, 3_600L);
    assertThat(hour("bob", "2026-03-02T11:00:00Z"))
        .extracting(StoredAgentHour::getResolved, StoredAgentHour::getFirstContactResolved)
        .containsExactly(1, 0);
    assertThat(hour("bob", "2026-03-02T12:00:00Z"))
        .extracting(StoredAgentHour::getCsatAnswered, StoredAgentHour::getCsatSatisfied)
        .containsExactly(1, 0);

    // and the leaderboard over the day up to 13:00: both resolved one, ann first on FCR
    List<AgentFigures> board = board().leaderboard(Duration.ofHours(24), at("2026-03-02T13:00:00Z"));
    assertThat(board).extracting(AgentFigures::agentId).containsExactly("ann", "bob");
    AgentFigures ann = board.get(0);
    AgentFigures bob = board.get(1);
    assertThat(ann.fcr()).isEqualTo(1.0);
    assertThat(ann.csat()).isEqualTo(100.0);
    assertThat(ann.contactsPerHourWorked()).isEqualTo(1.0);
    // 20 min lies in (15 min, 30 min]: its one count's middle is interpolated at 15 + 15 × 0.5 / 1 = 22.5 min
    assertThat(ann.firstResponseMedian()).isEqualTo(Duration.ofSeconds(1_350));
    assertThat(bob.fcr()).isEqualTo(0.0);
    assertThat(bob.csat()).isEqualTo(0.0);
    assertThat(bob.contactsPerHourWorked()).isEqualTo(2.0); // 2 replies in the one hour worked (10:00)
    assertThat(bob.firstResponseMedian()).isEqualTo(Duration.ofMinutes(45)); // (30 min, 1 h]: 30 + 30 × 0.5
  }

  @Test
  void shouldKeepThePoorRatingWithItsAccountTicketAgentAndComment() {
    pipeline.send(
        step("2026-03-02T09:00:00Z", "t2", OPENED, null),
        step("2026-03-02T10:30:00Z", "t2", REPLIED, "bob"),
        step("2026-03-02T11:10:00Z", "t2", RESOLVED, "bob"),
        csat("2026-03-02T12:30:00Z", "t2", 2, "Took two replies"),
        csat("2026-03-02T12:40:00Z", "t2", 3, "Fine"));

    WindowStore<String, StoredPoorRating> ratings = pipeline.windowStore(StoreNames.POOR_RATINGS);
    List<StoredPoorRating> stored = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, StoredPoorRating> all = ratings.all()) {
      all.forEachRemaining(entry -> stored.add(entry.value));
    }
    assertThat(stored).singleElement()
        .extracting(StoredPoorRating::getAccountId, StoredPoorRating::getTicketId, StoredPoorRating::getAgentId,
            StoredPoorRating::getScore, StoredPoorRating::getComment)
        .containsExactly("acme", "t2", "bob", 2, "Took two replies");
  }

  @Test
  void shouldCountAStepInTheHourItsEventTimeFallsIn() {
    pipeline.send(
        step("2026-03-02T09:59:59.999Z", "t1", REPLIED, "ann"),
        step("2026-03-02T10:00:00Z", "t1", REPLIED, "ann"));

    assertThat(hour("ann", "2026-03-02T09:00:00Z").getReplies()).isEqualTo(1);
    assertThat(hour("ann", "2026-03-02T10:00:00Z").getReplies()).isEqualTo(1);
    AgentFigures ann = board().agent("ann", Duration.ofHours(2), at("2026-03-02T11:00:00Z")).orElseThrow();
    assertThat(ann.hoursWorked()).isEqualTo(2);
    assertThat(ann.contactsPerHourWorked()).isEqualTo(1.0);
    // a range that ends at 10:00 holds only the 09:00 hour
    assertThat(board().agent("ann", Duration.ofHours(1), at("2026-03-02T10:00:00Z")).orElseThrow().replies())
        .isEqualTo(1);
  }

  @Test
  void shouldDropAStepThatArrivesAfterItsHourClosedButCountOneWithinGrace() {
    // given: ann's reply at 09:30, then one a week and an hour later moves stream time to 03-09T11:00
    pipeline.send(
        step("2026-03-02T09:30:00Z", "t1", REPLIED, "ann"),
        step("2026-03-09T11:00:00Z", "t2", REPLIED, "ann"));

    // when: two late replies arrive: the 09:00 hour closed at 10:00 + 7 d = 03-09T10:00, the 12:00 hour at 03-09T13:00
    pipeline.send(
        step("2026-03-02T09:45:00Z", "t3", REPLIED, "ann"),
        step("2026-03-02T12:15:00Z", "t4", REPLIED, "ann"));

    // then: the first is dropped, the second counted
    assertThat(hour("ann", "2026-03-02T09:00:00Z").getReplies()).isEqualTo(1);
    assertThat(hour("ann", "2026-03-02T12:00:00Z").getReplies()).isEqualTo(1);
  }

  @Test
  void shouldTakeTheResolutionBackFromItsAgentWhenTheTicketIsReopened() {
    // given: ann resolves t1 on first contact; the customer reopens it the next day and bob resolves it
    pipeline.send(
        step("2026-03-02T09:00:00Z", "t1", OPENED, null),
        step("2026-03-02T09:20:00Z", "t1", REPLIED, "ann"),
        step("2026-03-02T09:40:00Z", "t1", RESOLVED, "ann"),
        step("2026-03-03T09:00:00Z", "t1", REOPENED, null),
        step("2026-03-03T10:00:00Z", "t1", REPLIED, "bob"),
        step("2026-03-03T11:00:00Z", "t1", RESOLVED, "bob"));

    // then: one resolution, bob's, and not on first contact
    assertThat(hour("ann", "2026-03-02T09:00:00Z"))
        .extracting(StoredAgentHour::getResolved, StoredAgentHour::getFirstContactResolved)
        .containsExactly(0, 0);
    assertThat(hour("bob", "2026-03-03T11:00:00Z"))
        .extracting(StoredAgentHour::getResolved, StoredAgentHour::getFirstContactResolved)
        .containsExactly(1, 0);
  }

  @Test
  void shouldCountADuplicateStepOnce() {
    TicketEvent reply = step("2026-03-02T09:20:00Z", "t1", REPLIED, "ann");
    pipeline.send(reply, reply);

    assertThat(hour("ann", "2026-03-02T09:00:00Z").getReplies()).isEqualTo(1);
  }

  @Test
  void shouldForgetTicketsResolvedMoreThan30DaysBeforeTheLatestEventButKeepOpenOnes() {
    // given: t1 resolved on 03-01, t2 opened on 03-01 and still open, then a step on 04-01 (31 days later)
    pipeline.send(
        step("2026-03-01T09:00:00Z", "t1", OPENED, null),
        step("2026-03-01T09:30:00Z", "t1", RESOLVED, "ann"),
        step("2026-03-01T10:00:00Z", "t2", OPENED, null),
        step("2026-04-01T10:00:00Z", "t3", OPENED, null));

    // when: an hour of wall-clock time passes, when the ticket entries are pruned
    pipeline.letWallClockTimePass(Duration.ofHours(1));

    // then
    KeyValueStore<String, StoredAgentTicket> tickets = pipeline.store(StoreNames.AGENT_TICKETS);
    assertThat(tickets.get(AgentAttribution.ticketKey("acme", "t1"))).isNull();
    assertThat(tickets.get(AgentAttribution.ticketKey("acme", "t2"))).isNotNull();
    assertThat(tickets.get(AgentAttribution.ticketKey("acme", "t3"))).isNotNull();
  }

  private StoredAgentHour hour(String agent, String windowStart) {
    WindowStore<String, StoredAgentHour> hours = pipeline.windowStore(StoreNames.AGENT_HOURS);
    return hours.fetch(agent, at(windowStart).toEpochMilli());
  }

  private AgentBoard board() {
    return new AgentBoard(pipeline.windowStore(StoreNames.AGENT_HOURS));
  }

  private static TicketEvent step(String at, String ticketId, TicketEventKind kind, String agent) {
    return ticket("acme", at, ticketId, kind).setAgentId(agent).setCategory("billing").build();
  }

  private static SurveyResponse csat(String at, String ticketId, int score, String comment) {
    return survey("acme", at, "requester", SurveyKind.CSAT, score).setTouchpoint(ticketId).setComment(comment)
        .build();
  }
}
