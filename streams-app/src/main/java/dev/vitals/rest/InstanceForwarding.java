package dev.vitals.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A GET to another instance's REST API: the one place that builds forwarded requests, for accounts
 * ({@link HealthQueries}), the portfolio report ({@link PortfolioQueries}) and the agent board
 * ({@link AgentQueries}). Each request is marked as forwarded, so that the other instance answers from its local
 * state and never forwards again, and carries the API's bearer token when one is set.
 */
final class InstanceForwarding {
  /** Marks a request forwarded by another instance: answer from local state only, never forward again. */
  static final String FORWARDED_HEADER = "X-Vitals-Forwarded";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ApiToken token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  InstanceForwarding(ApiToken token) {
    this.token = token;
  }

  /** The JSON answer; an {@link IOException} unless the instance answered 200. */
  JsonNode get(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
    return JSON.readTree(getText(host, pathAndQuery, TIMEOUT));
  }

  /** The answer's body; an {@link IOException} unless the instance answered 200. */
  String getText(HostInfo host, String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
    HttpResponse<String> response = send(host, pathAndQuery, timeout);
    if (response.statusCode() != 200) {
      throw new IOException("instance " + host + " answered " + response.statusCode() + " to " + pathAndQuery);
    }
    return response.body();
  }

  /** As {@link #get}, but a 404 is an empty answer. */
  Optional<JsonNode> getOrEmpty(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
    return getTextOrEmpty(host, pathAndQuery).map(body -> {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("instance " + host + " answered no JSON to " + pathAndQuery);
      }
    });
  }

  /** As {@link #getText}, but a 404 is an empty answer. */
  Optional<String> getTextOrEmpty(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = send(host, pathAndQuery, TIMEOUT);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IOException("instance " + host + " answered " + response.statusCode() + " to " + pathAndQuery);
    }
    return Optional.of(response.body());
  }

  private HttpResponse<String> send(HostInfo host, String pathAndQuery, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
        .timeout(timeout)
        .header(FORWARDED_HEADER, "1")
        .GET();
    return http.send(token.authorize(request).build(), HttpResponse.BodyHandlers.ofString());
  }
}
