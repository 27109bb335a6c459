package dev.vitals.agent;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.state.stored.StoredAgentTicket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is credited with what, step by step, in whatever order the steps arrive. */
class TicketAttributionTest {
  private final StoredAgentTicket ticket = TicketAttribution.newTicket();

  @Test
  void shouldCreditTheFirstResponseWhenTheOpeningArrivesAfterTheReply() {
    // given: the reply (09:45) arrives before the OPENED (09:00) it answers
    List<AgentStep> onReply = apply("2026-03-02T09:45:00Z", TicketEventKind.AGENT_REPLIED, "ann");
    // when
    List<AgentStep> onOpened = apply("2026-03-02T09:00:00Z", TicketEventKind.OPENED, null);

    // then: the reply counts at once, the 45-minute first response once the opening is known, in the reply's hour
    assertThat(onReply).singleElement().satisfies(step -> {
      assertThat(step.delta().getReplies()).isEqualTo(1);
      assertThat(step.delta().getFirstResponseSeconds()).isNull();
    });
    assertThat(onOpened).singleElement().satisfies(step -> {
      assertThat(step.agentId()).isEqualTo("ann");
      assertThat(step.at()).isEqualTo(at("2026-03-02T09:45:00Z"));
      assertThat(step.delta().getFirstResponseSeconds()).isEqualTo(2_700L);
    });
  }

  @Test
  void shouldCreditTheFirstResponseOnlyOnce() {
    apply("2026-03-02T09:00:00Z", TicketEventKind.OPENED, null);
    List<AgentStep> first = apply("2026-03-02T09:10:00Z", TicketEventKind.AGENT_REPLIED, "ann");
    List<AgentStep> second = apply("2026-03-02T09:30:00Z", TicketEventKind.AGENT_REPLIED, "bob");

    assertThat(first).singleElement().extracting(step -> step.delta().getFirstResponseSeconds()).isEqualTo(600L);
    assertThat(second).singleElement().extracting(step -> step.delta().getFirstResponseSeconds()).isNull();
  }

  @Test
  void shouldCreditAResolutionWithoutAnAgentToTheAgentWhoRepliedLast() {
    apply("2026-03-02T09:10:00Z", TicketEventKind.AGENT_REPLIED, "ann");
    apply("2026-03-02T09:20:00Z", TicketEventKind.AGENT_REPLIED, "bob");
    List<AgentStep> resolved = apply("2026-03-02T10:00:00Z", TicketEventKind.RESOLVED, null);

    // two replies: resolved, but not on first contact
    assertThat(resolved).singleElement().satisfies(step -> {
      assertThat(step.agentId()).isEqualTo("bob");
      assertThat(step.delta().getResolved()).isEqualTo(1);
      assertThat(step.delta().getFirstContactResolved()).isZero();
    });
  }

  @Test
  void shouldNotCountASecondResolvedWithoutAReopenedBetween() {
    apply("2026-03-02T09:10:00Z", TicketEventKind.AGENT_REPLIED, "ann");
    apply("2026-03-02T10:00:00Z", TicketEventKind.RESOLVED, "ann");

    assertThat(apply("2026-03-02T10:05:00Z", TicketEventKind.RESOLVED, "ann")).isEmpty();
  }

  @Test
  void shouldTakeBackTheResolutionInTheHourItWasCountedInWhenReopened() {
    apply("2026-03-02T09:10:00Z", TicketEventKind.AGENT_REPLIED, "ann");
    apply("2026-03-02T10:00:00Z", TicketEventKind.RESOLVED, "ann");

    List<AgentStep> reopened = apply("2026-03-04T08:00:00Z", TicketEventKind.REOPENED, null);

    assertThat(reopened).singleElement().satisfies(step -> {
      assertThat(step.agentId()).isEqualTo("ann");
      assertThat(step.at()).isEqualTo(at("2026-03-02T10:00:00Z"));
      assertThat(step.delta().getResolved()).isEqualTo(-1);
      assertThat(step.delta().getFirstContactResolved()).isEqualTo(-1);
    });
  }

  @Test
  void shouldCreditCsatToTheResolvingAgentAndSatisfiedFromFour() {
    apply("2026-03-02T09:10:00Z", TicketEventKind.AGENT_REPLIED, "ann");
    apply("2026-03-02T10:00:00Z", TicketEventKind.RESOLVED, "bob");

    AgentStep four = TicketAttribution.csat(ticket, 4, at("2026-03-02T12:00:00Z")).orElseThrow();
    AgentStep three = TicketAttribution.csat(ticket, 3, at("2026-03-02T12:00:00Z")).orElseThrow();

    assertThat(four.agentId()).isEqualTo("bob");
    assertThat(List.of(four.delta().getCsatSatisfied(), three.delta().getCsatSatisfied())).containsExactly(1, 0);
    assertThat(three.delta().getCsatAnswered()).isEqualTo(1);
  }

  @Test
  void shouldNotCreditCsatOnATicketNoAgentTouched() {
    apply("2026-03-02T09:00:00Z", TicketEventKind.OPENED, null);

    assertThat(TicketAttribution.csat(ticket, 1, at("2026-03-02T12:00:00Z"))).isEmpty();
  }

  private List<AgentStep> apply(String at, TicketEventKind kind, String agent) {
    TicketEvent event = ticket("acme", at, "t1", kind).setAgentId(agent).build();
    return new ArrayList<>(TicketAttribution.apply(ticket, event));
  }
}
