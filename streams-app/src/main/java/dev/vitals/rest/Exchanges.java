package dev.vitals.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reading a request's parameters and writing its answer, shared by the API's routes. */
final class Exchanges {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN = 40;

  private Exchanges() {}

  /** Whether another instance sent the request on (it is then answered from local state only). */
  static boolean isForwarded(HttpExchange exchange) {
    return exchange.getRequestHeaders().containsKey(InstanceForwarding.FORWARDED_HEADER);
  }

  static String queryParameter(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      if (parts[0].equals(name) && parts.length == 2) {
        return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /**
   * A client's value quoted in an error message, cut to {@value #SHOWN} characters: the value is the client's own,
   * but a 100 KB one echoed back would turn each bad request into a large answer.
   */
  static String quoted(String value) {
    return value.length() <= SHOWN ? "'" + value + "'"
        : "'" + value.substring(0, SHOWN) + "...' (" + value.length() + " characters)";
  }

  static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  static void respond(HttpExchange exchange, int status, String json) throws IOException {
    respondText(exchange, status, json, "application/json");
  }

  static void respondText(HttpExchange exchange, int status, String body, String contentType)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
