package dev.vitals.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vitals.runtime.LoopbackPorts;
import dev.vitals.testing.ToolProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's Alertmanager on loopback with the repository's routing, grouping and inhibition. What the test changes:
 * every webhook receiver posts to the test's {@link WebhookReceiver} (at a path named after the receiver, so the
 * test sees the routing), and the grouping waits are 1 s. Clustering is off: it would listen on every interface.
 */
final class AlertmanagerServer implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  private static final YAMLMapper YAML = new YAMLMapper();

  private final int port = LoopbackPorts.free();
  private final ToolProcess process;

  AlertmanagerServer(Path repository, Path work, WebhookReceiver receiver) throws IOException {
    ObjectNode config = (ObjectNode) YAML.readTree(repository.resolve("deploy/alertmanager/alertmanager.yml")
        .toFile());
    for (JsonNode named : config.withArray("receivers")) {
      String name = named.path("name").asText();
      for (JsonNode webhook : named.path("webhook_configs")) {
        ((ObjectNode) webhook).put("url", receiver.urlFor(name));
      }
    }
    ObjectNode route = config.withObject("route");
    // Set at the root even when the file leaves them to Alertmanager's defaults (30 s and 5 min).
    route.put("group_wait", "1s");
    route.put("group_interval", "1s");
    shortenWaits(route);
    Path configFile = work.resolve("alertmanager.yml");
    YAML.writeValue(configFile.toFile(), config);
    process = ToolProcess.start(List.of(BINARY.toString(), "--config.file=" + configFile,
        "--storage.path=" + work.resolve("alertmanager-data"), "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address="), "prometheus-alertmanager", work.resolve("alertmanager.log"))
        .awaitReady("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(60));
  }

  private static void shortenWaits(ObjectNode route) {
    for (String wait : List.of("group_wait", "group_interval")) {
      if (route.has(wait)) {
        route.put(wait, "1s");
      }
    }
    if (route.has("repeat_interval")) {
      route.put("repeat_interval", "1h");
    }
    for (JsonNode child : route.path("routes")) {
      shortenWaits((ObjectNode) child);
    }
  }

  int port() {
    return port;
  }

  String logTail() {
    return process.logTail();
  }

  @Override
  public void close() {
    process.close();
  }
}
