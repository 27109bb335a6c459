package dev.vitals.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * A client for the subset of the Confluent Schema Registry REST API that the serdes need, on the
 * JDK's {@link HttpClient}. It works with every registry that speaks that API: Confluent,
 * Redpanda, Karapace, and Apicurio's {@code /apis/ccompat/v7}, which is why a path in the base
 * URL is kept.
 *
 * <ul>
 *   <li>{@code GET /schemas/ids/{id}}: a writer schema by id (404 → {@link
 *       UnknownSchemaIdException});
 *   <li>{@code POST /subjects/{subject}/versions}: register, or find the existing version (409 →
 *       {@link IncompatibleSchemaException});
 *   <li>{@code POST /subjects/{subject}}: look up without registering (404 with error code 40401
 *       subject not found or 40403 schema not found → empty).
 * </ul>
 *
 * <p>"Not found" means a 404 that carries a registry error code (404xx: 40401 subject, 40402
 * version, 40403 schema; registries differ in which of them they use for a lookup). A 404 without
 * one comes from the web server, not the registry: most likely a wrong base URL, which must fail
 * as a configuration error ({@link SchemaRegistryException}) rather than look like an unknown id
 * or an unregistered schema.
 *
 * <p>Answers are cached for the life of the client: ids are immutable in a registry, so a schema
 * id and a (subject, schema) → id pair, once known, never change. Failures are not cached.
 * Connection failures, timeouts and 5xx answers try the next URL (when several are configured)
 * and end in {@link SchemaRegistryUnavailableException}.
 */
public final class HttpSchemaRegistry implements SchemaRegistry {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
  private static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

  private final List<String> baseUrls;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Optional<String> authorization;
  private final ObjectMapper json = new ObjectMapper();
  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  /** Identity of a registration: Avro's structural {@link Schema#equals} decides "identical". */
  private record SubjectSchema(String subject, Schema schema) {}

  /**
   * @param urls one base URL, or several separated by commas, each {@code http(s)://host:port}
   *     with an optional path
   * @param config {@link SerdeConfig#BASIC_AUTH_USER_INFO}, {@link SerdeConfig#CONNECT_TIMEOUT_MS},
   *     {@link SerdeConfig#REQUEST_TIMEOUT_MS}; other keys are ignored
   */
  public HttpSchemaRegistry(String urls, Map<String, ?> config) {
    this.baseUrls = parseBaseUrls(urls);
    this.requestTimeout = Duration.ofMillis(
        SerdeConfig.positiveLong(config, SerdeConfig.REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS));
    Duration connectTimeout = Duration.ofMillis(
        SerdeConfig.positiveLong(config, SerdeConfig.CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS));
    // HTTP/1.1 explicitly: registries behind plain http do not all cope with an h2c upgrade.
    HttpClient.Builder client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL);
    RegistryTls.context(config).ifPresent(client::sslContext);
    this.http = client.build();
    // Credentials in a URL (https://user:secret@host) are used as basic.auth.user.info when that is not set, and
    // kept out of the URLs this client requests and names in its errors, which reach logs and dead letters.
    String userInfo = SerdeConfig.string(config, SerdeConfig.BASIC_AUTH_USER_INFO, urlUserInfo(urls));
    if (!userInfo.isEmpty() && !userInfo.contains(":")) {
      throw new IllegalArgumentException(
          SerdeConfig.BASIC_AUTH_USER_INFO + " must be user:password");
    }
    this.authorization = userInfo.isEmpty()
        ? Optional.empty()
        : Optional.of("Basic " + Base64.getEncoder()
            .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> parseBaseUrls(String urls) {
    List<String> parsed = new ArrayList<>();
    for (String raw : Objects.requireNonNull(urls, "urls").split(",")) {
      String url = raw.trim();
      if (url.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid schema registry URL: " + e.getMessage().replace(url, "(given)"));
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "invalid schema registry URL '" + withoutUserInfo(url, uri) + "': expected http(s)://host[:port][/path]");
      }
      // Requests append "/schemas/..." to the base, so a trailing slash would double up.
      parsed.add(withoutUserInfo(url, uri).replaceAll("/+$", ""));
    }
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("no schema registry URL given");
    }
    return List.copyOf(parsed);
  }

  private static String withoutUserInfo(String url, URI uri) {
    return uri.getRawUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "");
  }

  /** The first {@code user:password} found in the URLs, decoded; empty when none carries one. */
  private static String urlUserInfo(String urls) {
    for (String url : urls.split(",")) {
      try {
        String userInfo = URI.create(url.trim()).getUserInfo();
        if (userInfo != null) {
          return userInfo;
        }
      } catch (IllegalArgumentException e) {
        // reported by parseBaseUrls, without the URL's credentials
      }
    }
    return "";
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    Response response = send("POST", subjectPath(subject) + "/versions", schemaBody(schema));
    if (response.status() == 409) {
      throw new IncompatibleSchemaException(subject, response.errorMessage());
    }
    if (response.status() != 200) {
      throw response.unexpected("registering a schema under subject '" + subject + "'");
    }
    int id = response.id();
    remember(key, id);
    return id;
  }

  @Override
  public OptionalInt lookup(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return OptionalInt.of(cached);
    }
    Response response = send("POST", subjectPath(subject), schemaBody(schema));
    if (response.isRegistryNotFound()) {
      return OptionalInt.empty();
    }
    if (response.status() != 200) {
      throw response.unexpected("looking up a schema under subject '" + subject + "'");
    }
    int id = response.id();
    remember(key, id);
    return OptionalInt.of(id);
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Response response = send("GET", "/schemas/ids/" + id, null);
    if (response.isRegistryNotFound()) {
      throw new UnknownSchemaIdException(id, String.join(",", baseUrls));
    }
    if (response.status() != 200) {
      throw response.unexpected("fetching schema id " + id);
    }
    String type = response.body().path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new SchemaParseException("schema id " + id + " is a " + type + " schema; Vitals reads Avro only");
    }
    String text = response.body().path("schema").asText(null);
    if (text == null) {
      throw response.unexpected("fetching schema id " + id + " (no \"schema\" in the answer)");
    }
    Schema schema = new Schema.Parser().parse(text);
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  @Override
  public String toString() {
    return String.join(",", baseUrls);
  }

  private void remember(SubjectSchema key, int id) {
    idsBySubjectSchema.put(key, id);
    // We just told the registry this schema has this id: reading our own records needs no GET.
    schemasById.putIfAbsent(id, key.schema());
  }

  private static String subjectPath(String subject) {
    // URLEncoder is for forms: a space would become '+', which a path does not decode.
    return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String schemaBody(Schema schema) {
    ObjectNode body = json.createObjectNode();
    body.put("schema", schema.toString());
    return body.toString();
  }

  private Response send(String method, String path, String body) {
    Exception lastFailure = null;
    String lastDescription = null;
    for (String base : baseUrls) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(requestTimeout)
          .header("Accept", CONTENT_TYPE + ", application/json");
      authorization.ifPresent(value -> request.header("Authorization", value));
      if (body == null) {
        request.GET();
      } else {
        request.header("Content-Type", CONTENT_TYPE)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      }
      try {
        HttpResponse<String> answer =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Response response = new Response(base + path, answer.statusCode(), parse(answer.body()));
        if (answer.statusCode() < 500) {
          return response;
        }
        lastDescription = "answered " + answer.statusCode() + ": " + response.errorMessage();
        lastFailure = null;
      } catch (IOException e) {
        lastDescription = "is unreachable: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage());
        lastFailure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptException("interrupted while calling schema registry " + base, e);
      }
    }
    String where = String.join(",", baseUrls);
    throw new SchemaRegistryUnavailableException(
        "schema registry " + where + " " + lastDescription + " (" + method + " " + path + ")",
        lastFailure);
  }

  private JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return json.missingNode();
    }
    try {
      return json.readTree(text);
    } catch (IOException e) {
      // An HTML error page from a proxy, say: keep the status, and a little of the text.
      return json.createObjectNode().put("message", text.length() > 200 ? text.substring(0, 200) : text);
    }
  }

  /** One answer of the registry. */
  private record Response(String url, int status, JsonNode body) {

    boolean isRegistryNotFound() {
      return status == 404 && errorCode() / 100 == 404;
    }

    int errorCode() {
      return body.path("error_code").asInt(-1);
    }

    String errorMessage() {
      return body.path("message").asText("");
    }

    int id() {
      JsonNode id = body.get("id");
      if (id == null || !id.canConvertToInt()) {
        throw new SchemaRegistryException("schema registry " + url + " answered " + status
            + " without an id: " + body);
      }
      return id.asInt();
    }

    SchemaRegistryException unexpected(String action) {
      String code = errorCode() < 0 ? "" : " (error " + errorCode() + ")";
      String hint = status == 401 || status == 403 ? "; check " + SerdeConfig.BASIC_AUTH_USER_INFO
          : status == 404 ? "; check " + SerdeConfig.SCHEMA_REGISTRY_URL : "";
      return new SchemaRegistryException("schema registry " + url + " answered " + status + code
          + " while " + action + ": " + errorMessage() + hint);
    }
  }
}
