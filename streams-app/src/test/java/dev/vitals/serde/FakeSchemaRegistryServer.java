package dev.vitals.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny registry speaking the Confluent REST subset, on the JDK's HTTP server, under a path
 * prefix (like Apicurio's /apis/ccompat/v7). It stores schema text as sent (ids global, one per
 * distinct text) and counts hits per "METHOD path" so tests can see the client's cache work.
 */
final class FakeSchemaRegistryServer implements AutoCloseable {

  static final String PREFIX = "/apis/ccompat/v7";
  private static final Pattern SCHEMA_BY_ID = Pattern.compile(PREFIX + "/schemas/ids/(\\d+)");
  private static final Pattern VERSIONS = Pattern.compile(PREFIX + "/subjects/([^/]+)/versions");
  private static final Pattern SUBJECT = Pattern.compile(PREFIX + "/subjects/([^/]+)");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final Map<Integer, String> schemasById = new LinkedHashMap<>();
  private final Map<String, Integer> idsByText = new LinkedHashMap<>();
  private final Map<String, Set<Integer>> idsBySubject = new LinkedHashMap<>();
  private final ConcurrentMap<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<String> authorizations = new ArrayList<>();
  private final List<String> contentTypes = new ArrayList<>();
  private final Set<String> incompatibleSubjects = ConcurrentHashMap.newKeySet();
  private volatile int forcedStatus;
  private volatile long delayMillis;

  FakeSchemaRegistryServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Base URL including the path prefix. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
  }

  int hits(String methodAndPath) {
    AtomicInteger count = hits.get(methodAndPath);
    return count == null ? 0 : count.get();
  }

  synchronized List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  synchronized List<String> contentTypes() {
    return List.copyOf(contentTypes);
  }

  /** Registrations under this subject answer 409, as a registry with a compatibility rule would. */
  void rejectAsIncompatible(String subject) {
    incompatibleSubjects.add(subject);
  }

  /** Every request answers this status (0 to behave normally). */
  void forceStatus(int status) {
    forcedStatus = status;
  }

  void delayAnswers(long millis) {
    delayMillis = millis;
  }

  synchronized int preRegister(String subject, String schemaText) {
    Integer id = idsByText.computeIfAbsent(schemaText, text -> {
      int next = schemasById.size() + 1;
      schemasById.put(next, text);
      return next;
    });
    idsBySubject.computeIfAbsent(subject, s -> new HashSet<>()).add(id);
    return id;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath(); // decoded: subjects arrive as plain text
      hits.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
      synchronized (this) {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
      }
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      if (forcedStatus != 0) {
        answer(exchange, forcedStatus, error(forcedStatus * 100, "forced by the test"));
        return;
      }
      Matcher m;
      if (method.equals("GET") && (m = SCHEMA_BY_ID.matcher(path)).matches()) {
        schemaById(exchange, Integer.parseInt(m.group(1)));
      } else if (method.equals("POST") && (m = VERSIONS.matcher(path)).matches()) {
        register(exchange, m.group(1), schemaText(exchange));
      } else if (method.equals("POST") && (m = SUBJECT.matcher(path)).matches()) {
        lookup(exchange, m.group(1), schemaText(exchange));
      } else {
        answer(exchange, 404, error(404, "HTTP 404 Not Found"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void schemaById(HttpExchange exchange, int id) throws IOException {
    String text = schemasById.get(id);
    if (text == null) {
      answer(exchange, 404, error(40403, "Schema " + id + " not found"));
      return;
    }
    answer(exchange, 200, json.createObjectNode().put("schema", text));
  }

  private void register(HttpExchange exchange, String subject, String text) throws IOException {
    if (incompatibleSubjects.contains(subject)) {
      answer(exchange, 409, error(409, "Schema being registered is incompatible with an earlier schema"));
      return;
    }
    answer(exchange, 200, json.createObjectNode().put("id", preRegister(subject, text)));
  }

  private synchronized void lookup(HttpExchange exchange, String subject, String text) throws IOException {
    Set<Integer> ids = idsBySubject.get(subject);
    if (ids == null) {
      answer(exchange, 404, error(40401, "Subject '" + subject + "' not found."));
      return;
    }
    Integer id = idsByText.get(text);
    if (id == null || !ids.contains(id)) {
      answer(exchange, 404, error(40403, "Schema not found"));
      return;
    }
    answer(exchange, 200, json.createObjectNode()
        .put("subject", subject).put("version", 1).put("id", id).put("schema", text));
  }

  private String schemaText(HttpExchange exchange) throws IOException {
    JsonNode body = json.readTree(exchange.getRequestBody());
    return body.get("schema").asText();
  }

  private ObjectNode error(int code, String message) {
    return json.createObjectNode().put("error_code", code).put("message", message);
  }

  private void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", HttpSchemaRegistry.CONTENT_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
