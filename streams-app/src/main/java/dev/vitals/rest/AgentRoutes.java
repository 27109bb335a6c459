package dev.vitals.rest;

import static dev.vitals.rest.Exchanges.error;
import static dev.vitals.rest.Exchanges.isForwarded;
import static dev.vitals.rest.Exchanges.queryParameter;
import static dev.vitals.rest.Exchanges.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.vitals.agent.PoorRatings;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The agent board's requests: {@code GET /agents} (the leaderboard, gathered from every instance),
 * {@code GET /agents/{id}} (from the agent's owner) and {@code GET /tickets/poor-ratings}. Parameters are checked
 * before readiness, so a bad request is told so even while the instance starts.
 */
final class AgentRoutes {
  private final AgentQueries agents;
  private final long agentMaxHours;

  AgentRoutes(AgentQueries agents, long agentMaxHours) {
    this.agents = agents;
    this.agentMaxHours = agentMaxHours;
  }

  void leaderboard(HttpExchange exchange, KafkaStreams.State state) throws IOException, InterruptedException {
    Optional<AgentRange> range = agentRange(exchange);
    if (range.isEmpty()) {
      return;
    }
    if (state != KafkaStreams.State.RUNNING) {
      respond(exchange, 503, error("not ready: Kafka Streams is " + state));
      return;
    }
    boolean forwarded = isForwarded(exchange);
    respond(exchange, 200, agents.leaderboard(range.get(), forwarded).toString());
  }

  void agent(HttpExchange exchange, String agentId, KafkaStreams.State state)
      throws IOException, InterruptedException {
    if (state != KafkaStreams.State.RUNNING) {
      respond(exchange, 503, error("not ready: Kafka Streams is " + state));
      return;
    }
    Optional<AgentRange> range = agentRange(exchange);
    if (range.isEmpty()) {
      return;
    }
    boolean forwarded = isForwarded(exchange);
    Optional<JsonNode> figures = agents.agent(agentId, range.get(), forwarded);
    if (figures.isPresent()) {
      respond(exchange, 200, figures.get().toString());
    } else {
      respond(exchange, 404, error("no step of agent " + agentId + " in the range asked for"));
    }
  }

  /** The range of an agent query, or empty after answering 400. */
  private Optional<AgentRange> agentRange(HttpExchange exchange) throws IOException {
    try {
      return Optional.of(AgentRange.parse(queryParameter(exchange, "hours"), queryParameter(exchange, "until"),
          agentMaxHours));
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, error(e.getMessage()));
      return Optional.empty();
    }
  }

  void poorRatings(HttpExchange exchange, KafkaStreams.State state) throws IOException, InterruptedException {
    String limitText = queryParameter(exchange, "limit");
    int limit = 10;
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > PoorRatings.MAX_LIMIT) {
        respond(exchange, 400, error("limit must be a whole number from 1 to " + PoorRatings.MAX_LIMIT + ", was "
            + Exchanges.quoted(limitText)));
        return;
      }
    }
    if (state != KafkaStreams.State.RUNNING) {
      respond(exchange, 503, error("not ready: Kafka Streams is " + state));
      return;
    }
    boolean forwarded = isForwarded(exchange);
    respond(exchange, 200, agents.poorRatings(limit, forwarded).toString());
  }
}
