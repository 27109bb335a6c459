package dev.vitals.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the pager: Alertmanager's webhook receivers post here ({@code /<receiver name>}), and the test reads
 * what arrived. Every alert of every notification is kept with the receiver it was sent to.
 */
final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One alert as a notification carried it: the receiver path, its status (firing, resolved) and labels. */
  record Notified(String receiver, String status, JsonNode labels, JsonNode annotations) {}

  private final HttpServer server;
  private final List<Notified> notified = new ArrayList<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::receive);
    server.start();
  }

  /** The URL a receiver named {@code receiver} should post to. */
  String urlFor(String receiver) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + receiver;
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      String receiver = exchange.getRequestURI().getPath().substring(1);
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      synchronized (notified) {
        for (JsonNode alert : body.path("alerts")) {
          notified.add(new Notified(receiver, alert.path("status").asText(), alert.path("labels"),
              alert.path("annotations")));
        }
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  List<Notified> notified() {
    synchronized (notified) {
      return List.copyOf(notified);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
