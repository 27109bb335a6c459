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
 * A GET to another instance's REST API, marked as forwarded so that it answers from its local state and never
 * forwards again (the agent board's counterpart of what {@link HealthQueries} does for accounts).
 */
final class InstanceForwarding {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** The JSON answer; an {@link IOException} unless the instance answered 200. */
  JsonNode get(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = send(host, pathAndQuery);
    if (response.statusCode() != 200) {
      throw new IOException("instance " + host + " answered " + response.statusCode() + " to " + pathAndQuery);
    }
    return JSON.readTree(response.body());
  }

  /** As {@link #get}, but a 404 is an empty answer. */
  Optional<JsonNode> getOrEmpty(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = send(host, pathAndQuery);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IOException("instance " + host + " answered " + response.statusCode() + " to " + pathAndQuery);
    }
    return Optional.of(JSON.readTree(response.body()));
  }

  private HttpResponse<String> send(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
        .timeout(TIMEOUT)
        .header(HealthQueries.FORWARDED_HEADER, "1")
        .GET()
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
