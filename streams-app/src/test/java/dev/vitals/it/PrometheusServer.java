package dev.vitals.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vitals.runtime.LoopbackPorts;
import dev.vitals.testing.ToolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian's Prometheus on loopback, run with the repository's own scrape config and rules. What the test changes,
 * and only that: the targets (the Vitals instance and Alertmanager of the test, on their ports), the scrape and
 * evaluation intervals (1 s, so a test takes seconds rather than minutes), and the alert rules' {@code for} and
 * {@code keep_firing_for} (0 s: how long a condition must hold is covered by {@code promtool test rules}).
 */
final class PrometheusServer implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int port = LoopbackPorts.free();
  private final ToolProcess process;

  PrometheusServer(Path repository, Path work, int vitalsPort, int alertmanagerPort) throws IOException {
    Path deploy = repository.resolve("deploy/prometheus");
    Path rules = Files.createDirectories(work.resolve("rules"));
    ObjectNode config = (ObjectNode) YAML.readTree(deploy.resolve("prometheus.yml").toFile());
    ObjectNode global = config.withObject("global");
    global.put("scrape_interval", "1s");
    global.put("evaluation_interval", "1s");
    for (JsonNode job : config.withArray("scrape_configs")) {
      ((ObjectNode) job).put("scrape_interval", "1s");
      ((ArrayNode) job.path("static_configs")).forEach(targets ->
          ((ObjectNode) targets).set("targets", JSON.createArrayNode().add("127.0.0.1:" + vitalsPort)));
    }
    config.withArray("scrape_configs").removeIf(job -> !"vitals".equals(job.path("job_name").asText()));
    for (JsonNode manager : config.withObject("alerting").withArray("alertmanagers")) {
      ((ArrayNode) manager.path("static_configs")).forEach(targets ->
          ((ObjectNode) targets).set("targets", JSON.createArrayNode().add("127.0.0.1:" + alertmanagerPort)));
    }
    ArrayNode ruleFiles = JSON.createArrayNode();
    for (JsonNode ruleFile : config.withArray("rule_files")) {
      try (Stream<Path> files = globbed(deploy, ruleFile.asText())) {
        for (Path file : files.toList()) {
          Path copy = rules.resolve(file.getFileName());
          Files.writeString(copy, withoutHoldTimes(Files.readString(file)));
          ruleFiles.add(copy.toString());
        }
      }
    }
    config.set("rule_files", ruleFiles);
    Path configFile = work.resolve("prometheus.yml");
    YAML.writeValue(configFile.toFile(), config);
    process = ToolProcess.start(List.of(BINARY.toString(), "--config.file=" + configFile,
        "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
        "--web.enable-lifecycle"), "prometheus", work.resolve("prometheus.log"))
        .awaitReady(url("/-/ready"), Duration.ofSeconds(60));
  }

  /** Alert rules copied with {@code for} and {@code keep_firing_for} set to zero (see the class comment). */
  private static String withoutHoldTimes(String rules) throws IOException {
    JsonNode tree = YAML.readTree(rules);
    for (JsonNode group : tree.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          ((ObjectNode) rule).remove("for");
          ((ObjectNode) rule).remove("keep_firing_for");
        }
      }
    }
    return YAML.writeValueAsString(tree);
  }

  /** The files a {@code rule_files} entry names, relative to the config's directory ({@code *} allowed). */
  private static Stream<Path> globbed(Path base, String pattern) throws IOException {
    Path full = base.resolve(pattern).normalize();
    var matcher = full.getFileSystem().getPathMatcher("glob:" + full);
    return Files.list(full.getParent()).filter(matcher::matches).sorted();
  }

  /** {@code /api/v1/query} at the current time: the {@code data.result} array; fails on an error status. */
  JsonNode query(String promql) {
    JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    return answer.path("data").path("result");
  }

  /** {@code /api/v1/label/NAME/values} of the series matching {@code selector}. */
  List<String> labelValues(String label, String selector) {
    JsonNode answer = get("/api/v1/label/" + label + "/values?match[]="
        + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    return JSON.convertValue(answer.path("data"), JSON.getTypeFactory().constructCollectionType(List.class,
        String.class));
  }

  /** {@code /api/v1/alerts}: the alerts Prometheus holds, pending or firing. */
  JsonNode alerts() {
    return get("/api/v1/alerts").path("data").path("alerts");
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode answer = JSON.readTree(response.body());
      if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
        throw new IllegalStateException("Prometheus answered " + response.statusCode() + " to " + path + ": "
            + response.body());
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String logTail() {
    return process.logTail();
  }

  @Override
  public void close() {
    process.close();
  }
}
