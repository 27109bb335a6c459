package dev.vitals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.runtime.ServiceConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the Dockerfile: compose accepts the file (no Docker engine needed for that), and the
 * stack's wiring agrees with what Vitals' own configuration loader makes of the container's environment.
 */
class DockerComposeTest {
  private final JsonNode compose = DeployFiles.yaml(DeployFiles.path("docker-compose.yml"));
  private final JsonNode services = compose.path("services");
  private final DockerImage image = DockerImage.load();

  @Test
  void composeAcceptsTheFile() {
    DeployFiles.run(Duration.ofMinutes(1), DeployFiles.tool("docker-compose"), "-f", "docker-compose.yml", "config",
        "-q").assertSucceeded();
  }

  @Test
  void vitalsListensWherePrometheusAndThePublishedPortLook() {
    ServiceConfig config = ServiceConfig.load(null, containerEnvironment("vitals"));
    // Inside a container the loopback default would be unreachable from Prometheus and the host.
    assertThat(config.httpHost()).isEqualTo("0.0.0.0");
    assertThat(image.exposed()).contains(String.valueOf(config.httpPort()));
    assertThat(texts(services.path("vitals").path("ports"))).contains("8080:" + config.httpPort());
    assertThat(config.advertisedServer()).isEqualTo("vitals:" + config.httpPort());
    assertThat(config.stateDir().toString()).isEqualTo("/var/lib/vitals/state");
    assertThat(texts(services.path("vitals").path("volumes"))).contains("vitals-state:" + config.stateDir());

    JsonNode prometheus = DeployFiles.yaml(DeployFiles.path("deploy/prometheus/prometheus.yml"));
    JsonNode job = prometheus.path("scrape_configs").get(0);
    assertThat(job.path("job_name").asText()).isEqualTo("vitals");
    assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
    assertThat(texts(job.path("static_configs").get(0).path("targets")))
        .containsExactly("vitals:" + config.httpPort());
    assertThat(texts(prometheus.path("alerting").path("alertmanagers").get(0).path("static_configs").get(0)
        .path("targets"))).containsExactly("alertmanager:9093");
    assertThat(services.has("alertmanager")).isTrue();
  }

  @Test
  void vitalsReachesKafkaAndTheRegistryOnTheComposeNetwork() {
    ServiceConfig config = ServiceConfig.load(null, containerEnvironment("vitals"));
    assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(texts(services.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS")))
        .singleElement().asString().contains("//kafka:9092");
    assertThat(config.registryUrl()).isEqualTo("http://schema-registry:8080/apis/ccompat/v7");
    assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:4.3.1");
    assertThat(services.path("schema-registry").path("image").asText()).isEqualTo("apicurio/apicurio-registry:3.3.3");
  }

  @Test
  void imageRunsTheServiceAsANonRootUserAndChecksItsHealth() {
    assertThat(image.user()).doesNotStartWith("root").doesNotStartWith("0");
    assertThat(image.entrypoint()).contains("/app/vitals.jar");
    assertThat(image.cmd()).contains("run");
    assertThat(image.healthcheck()).contains("/healthz");
  }

  @Test
  void simulatorPublishesASimulatedHistoryWithTheSameImage() {
    JsonNode simulator = services.path("simulator");
    assertThat(simulator.path("image").asText()).isEqualTo(services.path("vitals").path("image").asText());
    String command = String.join(" ", texts(simulator.path("command")));
    assertThat(command).contains("simulate --accounts").contains("--out /tmp/history.jsonl")
        .contains("produce --file /tmp/history.jsonl");
    ServiceConfig config = ServiceConfig.load(null, containerEnvironment("simulator"));
    assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
  }

  @Test
  void monitoringMountsTheRepositoryFolders() {
    assertThat(texts(services.path("prometheus").path("volumes"))).contains("./deploy/prometheus:/etc/prometheus:ro");
    assertThat(texts(services.path("prometheus").path("command")))
        .contains("--config.file=/etc/prometheus/prometheus.yml");
    assertThat(texts(services.path("alertmanager").path("volumes")))
        .contains("./deploy/alertmanager:/etc/alertmanager:ro");
    assertThat(texts(services.path("alertmanager").path("command")))
        .contains("--config.file=/etc/alertmanager/alertmanager.yml");
    assertThat(texts(services.path("grafana").path("volumes"))).contains(
        "./grafana/provisioning:/etc/grafana/provisioning:ro", "./grafana/dashboards:/var/lib/grafana/dashboards:ro");
    assertThat(Files.isDirectory(DeployFiles.path("deploy/prometheus/rules"))).isTrue();
  }

  /** The image's ENV overlaid with the compose service's environment, as the container sees them. */
  private Map<String, String> containerEnvironment(String service) {
    Map<String, String> env = new LinkedHashMap<>(image.env());
    services.path(service).path("environment").fields()
        .forEachRemaining(entry -> env.put(entry.getKey(), entry.getValue().asText()));
    return env;
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(element -> texts.add(element.asText()));
    } else if (!node.isMissingNode()) {
      texts.add(node.asText());
    }
    return texts;
  }
}
