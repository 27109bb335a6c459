package dev.vitals.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.agent.AgentFigures;
import dev.vitals.state.stored.StoredPoorRating;
import java.time.Duration;
import java.time.Instant;

/** The JSON of the agent board's REST answers: figures in their units, ratios absent when undefined. */
final class AgentJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AgentJson() {}

  static ObjectNode figures(AgentFigures figures) {
    ObjectNode node = JSON.createObjectNode()
        .put("agentId", figures.agentId())
        .put("ticketsResolved", figures.resolved())
        .put("resolvedOnFirstContact", figures.firstContactResolved())
        .put("replies", figures.replies())
        .put("hoursWorked", figures.hoursWorked())
        .put("firstResponses", figures.firstResponses().count())
        .put("csatAnswers", figures.csatAnswered())
        .put("csatSatisfied", figures.csatSatisfied());
    Duration median = figures.firstResponseMedian();
    putOrNull(node, "firstResponseMedianSeconds", median == null ? null : (double) median.toSeconds());
    putOrNull(node, "fcr", figures.fcr());
    putOrNull(node, "csat", figures.csat());
    putOrNull(node, "contactsPerHourWorked", figures.contactsPerHourWorked());
    return node;
  }

  static ObjectNode poorRating(StoredPoorRating rating) {
    return JSON.createObjectNode()
        .put("accountId", rating.getAccountId())
        .put("ticketId", rating.getTicketId())
        .put("agentId", rating.getAgentId())
        .put("score", rating.getScore())
        .put("comment", rating.getComment())
        .put("answeredAt", Instant.ofEpochMilli(rating.getAnsweredAt()).toString());
  }

  private static void putOrNull(ObjectNode node, String field, Double value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
