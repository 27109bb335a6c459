package dev.vitals.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.state.stored.StoredPoorRating;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of the agent board, as {@code GET /agents} answers and {@code replay} writes {@code agents.json}: figures
 * in their units, ratios null when undefined.
 */
public final class AgentJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AgentJson() {}

  public static ObjectNode figures(AgentFigures figures) {
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

  public static ObjectNode poorRating(StoredPoorRating rating) {
    return JSON.createObjectNode()
        .put("accountId", rating.getAccountId())
        .put("ticketId", rating.getTicketId())
        .put("agentId", rating.getAgentId())
        .put("score", rating.getScore())
        .put("comment", rating.getComment())
        .put("answeredAt", Instant.ofEpochMilli(rating.getAnsweredAt()).toString());
  }

  /** The leaderboard over [{@code until} − {@code span}, {@code until}), in leaderboard order. */
  public static ObjectNode leaderboard(List<AgentFigures> agents, Duration span, Instant until) {
    ObjectNode body = JSON.createObjectNode()
        .put("from", until.minus(span).toString())
        .put("until", until.toString());
    ArrayNode list = body.putArray("agents");
    agents.forEach(figures -> list.add(figures(figures)));
    return body;
  }

  private static void putOrNull(ObjectNode node, String field, Double value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
