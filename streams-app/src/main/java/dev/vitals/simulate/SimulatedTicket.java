package dev.vitals.simulate;

import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketChannel;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.schema.TicketPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * One support ticket from OPENED to its final RESOLVED, and the CSAT answer that sometimes
 * follows, decided in one go when the ticket opens and scheduled on the timeline. The shape
 * (replies, escalation, reopening) follows the account's {@link SupportStyle}, so first response,
 * FCR and CSAT differ by archetype the way they do in a real queue; each agent's {@link AgentStyle} then makes the
 * agent leaderboard differ the way a real team does.
 */
final class SimulatedTicket {
  private static final String[] CSAT_PRAISE = {"Solved on the first reply", "Quick and friendly"};
  private static final String[] CSAT_COMPLAINTS = {"Took days to get an answer", "Had to explain it three times"};

  private final RandomGenerator rng;
  private final EventTimeline timeline;
  private final String accountId;
  private final String ticketId;
  private final SupportStyle style;
  private final TicketPriority priority;
  private final TicketChannel channel;
  private final String category;

  private SimulatedTicket(RandomGenerator rng, EventTimeline timeline, String accountId, String ticketId,
      SupportStyle style, String category) {
    this.rng = rng;
    this.timeline = timeline;
    this.accountId = accountId;
    this.ticketId = ticketId;
    this.style = style;
    this.category = category;
    this.priority = priority(rng, category);
    this.channel = channel(rng);
  }

  /** Schedules the ticket's whole life, starting at {@code openedAt}, raised by {@code requester}. */
  static void open(RandomGenerator rng, EventTimeline timeline, String accountId, String ticketId,
      SupportStyle style, double complaintShare, Instant openedAt, String requester) {
    String category = ProductCatalogue.ticketCategory(rng, complaintShare);
    new SimulatedTicket(rng, timeline, accountId, ticketId, style, category).play(openedAt, requester);
  }

  private void play(Instant openedAt, String requester) {
    Instant at = openedAt;
    String agent = ProductCatalogue.pick(rng, ProductCatalogue.AGENTS);
    emit(at, TicketEventKind.OPENED, null);
    at = at.plus(firstReply(agent));
    emit(at, TicketEventKind.AGENT_REPLIED, agent);
    if (rng.nextDouble() < style.escalationChance()) {
      at = at.plus(minutes(10, 120));
      emit(at, TicketEventKind.ESCALATED, agent);
      agent = ProductCatalogue.pick(rng, ProductCatalogue.SENIOR_AGENTS);
      at = at.plus(minutes(30, 240));
      emit(at, TicketEventKind.AGENT_REPLIED, agent);
    }
    double customerReply = style.customerReplyChance();
    for (int round = 0; round < 3 && rng.nextDouble() < customerReply; round++) {
      at = at.plus(minutes(60, 18 * 60));
      emit(at, TicketEventKind.CUSTOMER_REPLIED, agent);
      if (rng.nextDouble() < style.agentFollowUpChance() * AgentStyle.of(agent).followUpFactor()) {
        at = at.plus(firstReply(agent));
        emit(at, TicketEventKind.AGENT_REPLIED, agent);
      }
      customerReply /= 2;
    }
    at = at.plus(resolution(agent));
    emit(at, TicketEventKind.RESOLVED, agent);
    if (rng.nextDouble() < style.reopenChance() * AgentStyle.of(agent).reopenFactor()) {
      at = at.plus(minutes(12 * 60, 72 * 60));
      emit(at, TicketEventKind.REOPENED, agent);
      at = at.plus(firstReply(agent));
      emit(at, TicketEventKind.AGENT_REPLIED, agent);
      at = at.plus(resolution(agent));
      emit(at, TicketEventKind.RESOLVED, agent);
    }
    if (rng.nextDouble() < 0.45) {
      askForCsat(at.plus(minutes(60, 8 * 60)), requester, AgentStyle.of(agent));
    }
  }

  /** The customer rates the ticket; how the resolving agent worked shifts the rating. */
  private void askForCsat(Instant at, String requester, AgentStyle resolver) {
    int score = resolver.csat(style.csatLow() + rng.nextInt(style.csatHigh() - style.csatLow() + 1));
    String comment = null;
    if (rng.nextDouble() < 0.3) {
      comment = score >= 4 ? CSAT_PRAISE[rng.nextInt(CSAT_PRAISE.length)]
          : CSAT_COMPLAINTS[rng.nextInt(CSAT_COMPLAINTS.length)];
    }
    timeline.schedule(SurveyResponse.newBuilder()
        .setEventId(EventIds.next(rng)).setAccountId(accountId).setOccurredAt(at)
        .setRespondentId(requester).setSurvey(SurveyKind.CSAT).setScore(score).setComment(comment)
        .setTouchpoint(ticketId).build());
  }

  private void emit(Instant at, TicketEventKind kind, String agent) {
    timeline.schedule(TicketEvent.newBuilder()
        .setEventId(EventIds.next(rng)).setAccountId(accountId).setOccurredAt(at)
        .setTicketId(ticketId).setKind(kind).setPriority(priority).setChannel(channel)
        .setCategory(category).setAgentId(agent).build());
  }

  /** Agents answer urgent tickets first, each at their own pace. */
  private Duration firstReply(String agent) {
    double urgency = switch (priority) {
      case URGENT -> 0.3;
      case HIGH -> 0.6;
      case NORMAL -> 1.0;
      case LOW -> 1.5;
    };
    Duration base = minutes(style.firstReplyMinMinutes(), style.firstReplyMaxMinutes());
    double pace = urgency * AgentStyle.of(agent).replyFactor();
    return Duration.ofSeconds(Math.max(60, (long) (base.toSeconds() * pace)));
  }

  private Duration resolution(String agent) {
    Duration base = minutes(style.resolveMinHours() * 60, style.resolveMaxHours() * 60);
    return Duration.ofSeconds((long) (base.toSeconds() * AgentStyle.of(agent).resolveFactor()));
  }

  /** Log-uniform between the bounds: most replies are quick, a few take much longer. */
  private Duration minutes(int low, int high) {
    double logLow = Math.log(low);
    double logHigh = Math.log(high);
    double value = Math.exp(logLow + rng.nextDouble() * (logHigh - logLow));
    return Duration.ofSeconds((long) (value * 60));
  }

  private static TicketPriority priority(RandomGenerator rng, String category) {
    double pick = rng.nextDouble();
    if (category.equals("complaint") || category.equals("bug")) {
      pick *= 0.8; // bugs and complaints skew urgent
    }
    if (pick < 0.05) {
      return TicketPriority.URGENT;
    } else if (pick < 0.25) {
      return TicketPriority.HIGH;
    } else if (pick < 0.8) {
      return TicketPriority.NORMAL;
    }
    return TicketPriority.LOW;
  }

  private static TicketChannel channel(RandomGenerator rng) {
    double pick = rng.nextDouble();
    if (pick < 0.35) {
      return TicketChannel.EMAIL;
    } else if (pick < 0.65) {
      return TicketChannel.WEB;
    } else if (pick < 0.9) {
      return TicketChannel.CHAT;
    }
    return TicketChannel.PHONE;
  }
}
