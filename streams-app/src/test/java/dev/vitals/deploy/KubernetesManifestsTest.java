package dev.vitals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.runtime.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s against the code: the pods' environment (ConfigMap and container env) goes through Vitals' real
 * configuration loader, and ports, probes, scrape settings, the advertised address and the state directory must
 * agree with what it makes of it. Selectors and Services must reach the pods they are meant for.
 */
class KubernetesManifestsTest {
  /** What the API server fills in for the downward API in one sample pod. */
  private static final String POD_NAME = "vitals-0";
  private static final String NAMESPACE = "customer-success";
  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  private final List<JsonNode> documents = loadManifests();
  private final JsonNode statefulSet = only("StatefulSet");
  private final JsonNode podSpec = statefulSet.path("spec").path("template").path("spec");
  private final JsonNode container = podSpec.path("containers").get(0);
  private final Map<String, String> podLabels = strings(statefulSet.path("spec").path("template").path("metadata")
      .path("labels"));
  private final ServiceConfig config = ServiceConfig.load(null, containerEnvironment());

  @Test
  void severalInstancesShareOneApplication() {
    assertThat(statefulSet.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(config.applicationId()).isEqualTo("vitals");
    assertThat(only("PodDisruptionBudget").path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
  }

  @Test
  void containerPortIsTheHttpPortVitalsListensOn() {
    assertThat(config.httpHost()).as("a pod must listen beyond loopback").isEqualTo("0.0.0.0");
    assertThat(containerPort("http")).isEqualTo(config.httpPort());
  }

  @Test
  void probesUseHealthzAndReadyzOnTheHttpPort() {
    assertProbe("livenessProbe", "/healthz");
    assertProbe("readinessProbe", "/readyz");
    if (container.has("startupProbe")) {
      assertProbe("startupProbe", "/healthz");
    }
  }

  @Test
  void scrapeAnnotationsPointAtMetrics() {
    Map<String, String> annotations = strings(statefulSet.path("spec").path("template").path("metadata")
        .path("annotations"));
    assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", String.valueOf(config.httpPort()))
        .containsEntry("prometheus.io/path", "/metrics");
  }

  @Test
  void serviceMonitorScrapesANamedPortOfAVitalsService() {
    JsonNode monitor = only("ServiceMonitor");
    assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    Map<String, String> selector = strings(monitor.path("spec").path("selector").path("matchLabels"));
    List<JsonNode> selected = all("Service").stream()
        .filter(service -> strings(service.path("metadata").path("labels")).entrySet().containsAll(
            selector.entrySet()))
        .toList();
    assertThat(selected).as("Services the ServiceMonitor selects").isNotEmpty();
    for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
      assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
      for (JsonNode service : selected) {
        JsonNode port = servicePort(service, endpoint.path("port").asText());
        assertThat(port).as("port %s on Service %s", endpoint.path("port").asText(), name(service)).isNotNull();
        assertThat(targetPort(port)).isEqualTo(config.httpPort());
        // The rules select job="vitals"; jobLabel names the Service label the job comes from.
        assertThat(strings(service.path("metadata").path("labels")))
            .containsEntry(monitor.path("spec").path("jobLabel").asText(), "vitals");
      }
    }
  }

  @Test
  void selectorsMatchThePodLabels() {
    assertThat(podLabels.entrySet())
        .containsAll(strings(statefulSet.path("spec").path("selector").path("matchLabels")).entrySet());
    for (JsonNode service : all("Service")) {
      assertThat(podLabels.entrySet()).as("selector of Service %s", name(service))
          .containsAll(strings(service.path("spec").path("selector")).entrySet());
      for (JsonNode port : service.path("spec").path("ports")) {
        assertThat(targetPort(port)).as("target port of Service %s", name(service)).isEqualTo(config.httpPort());
      }
    }
    assertThat(podLabels.entrySet()).as("selector of the PodDisruptionBudget")
        .containsAll(strings(only("PodDisruptionBudget").path("spec").path("selector").path("matchLabels"))
            .entrySet());
  }

  @Test
  void headlessServiceGivesEachPodTheAddressItAdvertises() {
    String serviceName = statefulSet.path("spec").path("serviceName").asText();
    JsonNode headless = all("Service").stream().filter(service -> name(service).equals(serviceName)).findFirst()
        .orElseThrow(() -> new AssertionError("no Service named " + serviceName + " (the StatefulSet's serviceName)"));
    assertThat(headless.path("spec").path("clusterIP").asText()).isEqualTo("None");
    // Pods forward to each other while not ready (rebalancing, restoring): their names must resolve then too.
    assertThat(headless.path("spec").path("publishNotReadyAddresses").asBoolean()).isTrue();
    assertThat(config.advertisedServer()).isEqualTo(
        POD_NAME + "." + serviceName + "." + NAMESPACE + ".svc.cluster.local:" + config.httpPort());
  }

  @Test
  void stateDirectoryIsOnThePersistentVolume() {
    List<String> claims = new ArrayList<>();
    statefulSet.path("spec").path("volumeClaimTemplates")
        .forEach(claim -> claims.add(claim.path("metadata").path("name").asText()));
    Path stateDir = config.stateDir();
    boolean mounted = false;
    for (JsonNode mount : container.path("volumeMounts")) {
      if (claims.contains(mount.path("name").asText()) && stateDir.startsWith(mount.path("mountPath").asText())) {
        mounted = true;
      }
    }
    assertThat(mounted).as("%s under a mount of a volumeClaimTemplate %s", stateDir, claims).isTrue();
  }

  @Test
  void podsRunAsTheImageUserAndGetNoServiceLinkVariables() {
    // Service links would add VITALS_* variables for Services named vitals-..., which ServiceConfig reads.
    assertThat(podSpec.path("enableServiceLinks").isBoolean()).isTrue();
    assertThat(podSpec.path("enableServiceLinks").asBoolean()).isFalse();
    String[] user = DockerImage.load().user().split(":");
    assertThat(podSpec.path("securityContext").path("runAsUser").asText()).isEqualTo(user[0]);
    if (user.length > 1) {
      // The volume is made writable for the image's group.
      assertThat(podSpec.path("securityContext").path("fsGroup").asText()).isEqualTo(user[1]);
    }
  }

  /**
   * The environment the container starts with: each envFrom ConfigMap's data, then env in order with
   * {@code $(VAR)} references expanded and the downward API filled in for {@link #POD_NAME}.
   */
  private Map<String, String> containerEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode source : container.path("envFrom")) {
      String configMap = source.path("configMapRef").path("name").asText();
      JsonNode map = all("ConfigMap").stream().filter(candidate -> name(candidate).equals(configMap)).findFirst()
          .orElseThrow(() -> new AssertionError("envFrom names ConfigMap " + configMap + ", which is not in deploy/k8s"));
      env.putAll(strings(map.path("data")));
    }
    for (JsonNode variable : container.path("env")) {
      String value;
      if (variable.has("value")) {
        value = expand(variable.path("value").asText(), env);
      } else {
        String field = variable.path("valueFrom").path("fieldRef").path("fieldPath").asText();
        value = switch (field) {
          case "metadata.name" -> POD_NAME;
          case "metadata.namespace" -> NAMESPACE;
          default -> "from-" + field;
        };
      }
      env.put(variable.path("name").asText(), value);
    }
    return env;
  }

  private static String expand(String value, Map<String, String> env) {
    Matcher reference = VARIABLE_REFERENCE.matcher(value);
    return reference.replaceAll(match -> Matcher.quoteReplacement(env.getOrDefault(match.group(1), match.group())));
  }

  private void assertProbe(String probe, String path) {
    JsonNode get = container.path(probe).path("httpGet");
    assertThat(get.path("path").asText()).as("%s path", probe).isEqualTo(path);
    assertThat(resolvePort(get.path("port"))).as("%s port", probe).isEqualTo(config.httpPort());
  }

  private int containerPort(String name) {
    for (JsonNode port : container.path("ports")) {
      if (port.path("name").asText().equals(name)) {
        return port.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port named " + name);
  }

  /** A port given as a number or as the name of a container port. */
  private int resolvePort(JsonNode port) {
    return port.isNumber() ? port.asInt() : containerPort(port.asText());
  }

  private int targetPort(JsonNode servicePort) {
    JsonNode target = servicePort.has("targetPort") ? servicePort.path("targetPort") : servicePort.path("port");
    return resolvePort(target);
  }

  private static JsonNode servicePort(JsonNode service, String name) {
    for (JsonNode port : service.path("spec").path("ports")) {
      if (port.path("name").asText().equals(name)) {
        return port;
      }
    }
    return null;
  }

  private JsonNode only(String kind) {
    List<JsonNode> found = all(kind);
    assertThat(found).as("%s documents under deploy/k8s", kind).hasSize(1);
    return found.get(0);
  }

  private List<JsonNode> all(String kind) {
    return documents.stream().filter(document -> document.path("kind").asText().equals(kind)).toList();
  }

  private static String name(JsonNode document) {
    return document.path("metadata").path("name").asText();
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    return map;
  }

  private static List<JsonNode> loadManifests() {
    List<JsonNode> documents = new ArrayList<>();
    for (Path file : DeployFiles.files(DeployFiles.path("deploy/k8s"), ".yaml", ".yml")) {
      documents.addAll(DeployFiles.yamlDocuments(file));
    }
    assertThat(documents).as("YAML documents under deploy/k8s").isNotEmpty();
    return documents;
  }
}
