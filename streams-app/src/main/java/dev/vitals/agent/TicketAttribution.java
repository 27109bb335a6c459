package dev.vitals.agent;

import dev.vitals.schema.TicketEvent;
import dev.vitals.state.stored.StoredAgentTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Credits one ticket's steps to agents (SPEC §3, support agent board), from the few facts of the ticket kept in
 * {@link StoredAgentTicket}. Each step is looked at once (duplicates were dropped upstream by eventId), and what it
 * credits is decided from the ticket as known then:
 *
 * <ul>
 *   <li>every AGENT_REPLIED is a reply (a contact) of its agent, in the hour of the reply;
 *   <li>the ticket's first response (OPENED to the earliest reply) is credited once to the agent who gave it, in the
 *       hour of that reply, as soon as both steps are known (either may arrive first);
 *   <li>a RESOLVED is a resolution of its agent (or, without one, of the agent who replied last), first-contact when
 *       the ticket had at most one reply and was never reopened; a second RESOLVED without a REOPENED between is the
 *       same resolution and is not counted again;
 *   <li>a REOPENED takes the resolution back from whoever was credited with it, in the hour it was counted in, so
 *       that a ticket resolved, reopened and resolved again is one resolution and not a first-contact one;
 *   <li>a CSAT answer whose touchpoint is the ticket goes to the agent credited with its resolution, or to the agent
 *       who replied last while it is open.
 * </ul>
 *
 * A first reply that arrives after a later one was already credited does not move the credit: the first response is
 * counted once, never recounted.
 */
public final class TicketAttribution {
  /** CSAT answers of 4 or 5 are satisfied ones (SPEC §3). */
  static final int SATISFIED_FROM = 4;

  private TicketAttribution() {}

  /** Applies {@code event} to {@code ticket} (updated in place) and returns what it credits to agents. */
  public static List<AgentStep> apply(StoredAgentTicket ticket, TicketEvent event) {
    Instant at = event.getOccurredAt();
    String agent = event.getAgentId();
    ticket.setLastStepAt(Math.max(ticket.getLastStepAt(), at.toEpochMilli()));
    if (event.getCategory() != null) {
      ticket.setCategory(event.getCategory());
    }
    List<AgentStep> steps = new ArrayList<>(2);
    switch (event.getKind()) {
      case OPENED -> {
        if (ticket.getOpenedAt() == null || at.toEpochMilli() < ticket.getOpenedAt()) {
          ticket.setOpenedAt(at.toEpochMilli());
        }
        firstResponseIfKnown(ticket).ifPresent(steps::add);
      }
      case AGENT_REPLIED -> {
        ticket.setAgentReplies(ticket.getAgentReplies() + 1);
        if (agent != null) {
          ticket.setLastAgent(agent);
          steps.add(AgentStep.reply(agent, at));
        }
        boolean earliest = ticket.getFirstReplyAt() == null || at.toEpochMilli() < ticket.getFirstReplyAt();
        if (earliest && !ticket.getFirstResponseCounted()) {
          ticket.setFirstReplyAt(at.toEpochMilli());
          ticket.setFirstResponder(agent);
        }
        // The usual case, a first reply after its opening, travels as one step: reply and first response together.
        firstResponseIfKnown(ticket).ifPresent(first -> {
          if (!steps.isEmpty() && first.agentId().equals(agent) && first.at().equals(at)) {
            steps.get(0).delta().setFirstResponseSeconds(first.delta().getFirstResponseSeconds());
          } else {
            steps.add(first);
          }
        });
      }
      case RESOLVED -> {
        String by = agent != null ? agent : ticket.getLastAgent();
        if (ticket.getResolvedBy() == null && by != null) {
          boolean firstContact = ticket.getAgentReplies() <= 1 && !ticket.getReopened();
          ticket.setResolvedBy(by);
          ticket.setResolvedAt(at.toEpochMilli());
          ticket.setResolvedFirstContact(firstContact);
          steps.add(AgentStep.resolution(by, at, 1, firstContact));
        }
      }
      case REOPENED -> {
        ticket.setReopened(true);
        if (ticket.getResolvedBy() != null) {
          steps.add(AgentStep.resolution(ticket.getResolvedBy(), Instant.ofEpochMilli(ticket.getResolvedAt()), -1,
              ticket.getResolvedFirstContact()));
          ticket.setResolvedBy(null);
          ticket.setResolvedAt(null);
          ticket.setResolvedFirstContact(false);
        }
      }
      case CUSTOMER_REPLIED, ESCALATED -> { }
    }
    return steps;
  }

  /** The CSAT answer about {@code ticket}, credited to its agent; empty when no agent has touched the ticket. */
  public static Optional<AgentStep> csat(StoredAgentTicket ticket, int score, Instant answeredAt) {
    String agent = ticket.getResolvedBy() != null ? ticket.getResolvedBy() : ticket.getLastAgent();
    return agent == null ? Optional.empty() : Optional.of(AgentStep.csat(agent, answeredAt, score >= SATISFIED_FROM));
  }

  /** A fresh ticket with nothing known yet. */
  public static StoredAgentTicket newTicket() {
    return StoredAgentTicket.newBuilder().build();
  }

  private static Optional<AgentStep> firstResponseIfKnown(StoredAgentTicket ticket) {
    Long openedAt = ticket.getOpenedAt();
    Long repliedAt = ticket.getFirstReplyAt();
    if (ticket.getFirstResponseCounted() || openedAt == null || repliedAt == null
        || ticket.getFirstResponder() == null || repliedAt < openedAt) {
      return Optional.empty();
    }
    ticket.setFirstResponseCounted(true);
    long seconds = Duration.ofMillis(repliedAt - openedAt).toSeconds();
    return Optional.of(AgentStep.firstResponse(ticket.getFirstResponder(), Instant.ofEpochMilli(repliedAt), seconds));
  }
}
