package dev.vitals.runtime;

import dev.vitals.agent.AgentWindows;
import dev.vitals.metrics.VitalsMetrics;
import dev.vitals.rest.ApiToken;
import dev.vitals.topology.TopicNames;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How one Vitals instance runs: where Kafka and the schema registry are, its identity and state, its HTTP port,
 * and pass-through settings for the Kafka clients ({@code kafka.*}: security, SASL, SSL, tuning) and the registry
 * client ({@code schema.registry.*}, {@code basic.auth.user.info}). Loaded once from a properties file with
 * environment overrides, validated, immutable.
 *
 * <p>Environment overrides: {@code VITALS_} + the key upper-cased with dots and dashes as underscores, e.g.
 * {@code VITALS_BOOTSTRAP_SERVERS}, {@code VITALS_KAFKA_SASL_JAAS_CONFIG} for {@code kafka.sasl.jaas.config}.
 */
public record ServiceConfig(
    String applicationId,
    String bootstrapServers,
    String registryUrl,
    Path stateDir,
    String httpHost,
    int httpPort,
    String advertisedServer,
    Path scoringFile,
    int accountSeriesCap,
    TopicNames topics,
    Map<String, String> kafkaOverrides,
    Map<String, String> registrySettings,
    int agentSeriesCap,
    AgentWindows agentWindows,
    ApiToken httpToken) {

  /** How many agents an instance exports per-agent series for, most tickets resolved first (docs/metrics.md). */
  static final String AGENT_SERIES_CAP = "metrics.agent-series-cap";
  /** How long the agent board's hourly windows are kept: the longest range GET /agents serves. */
  static final String AGENT_RETENTION = "agents.retention";
  static final String ENV_PREFIX = "VITALS_";
  /** How many accounts an instance exports per-account series for, lowest scores first (see docs/metrics.md). */
  static final String ACCOUNT_SERIES_CAP = "metrics.account-series-cap";
  static final int DEFAULT_ACCOUNT_SERIES_CAP = 250;
  private static final String KAFKA_PREFIX = "kafka.";
  /**
   * The REST API's bearer token (docs/operations.md); unset or empty leaves the API open. Its name holds "token",
   * so {@link Secrets} masks it wherever the settings are logged.
   */
  static final String HTTP_TOKEN = "http.token";

  public ServiceConfig {
    require(applicationId, "application.id");
    require(bootstrapServers, "bootstrap.servers");
    require(registryUrl, "schema.registry.url");
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("http.port: must be 0-65535, was " + httpPort);
    }
    if (accountSeriesCap < 0) {
      throw new IllegalArgumentException(ACCOUNT_SERIES_CAP + ": must be 0 or more, was " + accountSeriesCap);
    }
    if (agentSeriesCap < 0) {
      throw new IllegalArgumentException(AGENT_SERIES_CAP + ": must be 0 or more, was " + agentSeriesCap);
    }
    httpToken = httpToken == null ? ApiToken.none() : httpToken;
    kafkaOverrides = Map.copyOf(kafkaOverrides);
    registrySettings = Map.copyOf(registrySettings);
  }

  /** Reads {@code file} (may be null) and applies the environment's overrides. */
  public static ServiceConfig load(Path file, Map<String, String> environment) {
    Map<String, String> settings = new TreeMap<>();
    if (file != null) {
      settings.putAll(readProperties(file));
    }
    settings.putAll(fromEnvironment(environment, settings));
    return fromSettings(settings, file == null ? "configuration" : file.toString());
  }

  /** Builds from flat key/value settings, as a properties file holds them. */
  public static ServiceConfig fromSettings(Map<String, String> settings, String source) {
    try {
      int port = integer(settings, "http.port", 8080);
      String host = settings.getOrDefault("http.host", "127.0.0.1");
      TopicNames defaults = TopicNames.defaults();
      TopicNames topics = new TopicNames(
          settings.getOrDefault("topic.usage", defaults.usage()),
          settings.getOrDefault("topic.tickets", defaults.tickets()),
          settings.getOrDefault("topic.billing", defaults.billing()),
          settings.getOrDefault("topic.surveys", defaults.surveys()),
          settings.getOrDefault("topic.accounts", defaults.accounts()),
          settings.getOrDefault("topic.costs", defaults.costs()),
          settings.getOrDefault("topic.health", defaults.health()),
          settings.getOrDefault("topic.alerts", defaults.alerts()),
          settings.getOrDefault("topic.dlq", defaults.deadLetters()));
      Map<String, String> kafka = new TreeMap<>();
      Map<String, String> registry = new TreeMap<>();
      settings.forEach((key, value) -> {
        if (key.startsWith(KAFKA_PREFIX)) {
          kafka.put(key.substring(KAFKA_PREFIX.length()), value);
        } else if (key.startsWith("schema.registry.") || key.equals("basic.auth.user.info")
            || key.equals("auto.register.schemas")) {
          registry.put(key, value);
        }
      });
      String scoring = settings.get("scoring.config");
      return new ServiceConfig(
          settings.getOrDefault("application.id", "vitals"),
          settings.get("bootstrap.servers"),
          settings.get("schema.registry.url"),
          Path.of(settings.getOrDefault("state.dir", System.getProperty("java.io.tmpdir") + "/vitals-state")),
          host,
          port,
          settings.getOrDefault("application.server", host + ":" + port),
          scoring == null ? null : Path.of(scoring),
          integer(settings, ACCOUNT_SERIES_CAP, DEFAULT_ACCOUNT_SERIES_CAP),
          topics,
          kafka,
          registry,
          integer(settings, AGENT_SERIES_CAP, VitalsMetrics.DEFAULT_AGENT_SERIES_CAP),
          agentWindows(settings.get(AGENT_RETENTION)),
          ApiToken.of(settings.get(HTTP_TOKEN)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage());
    }
  }

  /** {@code agents.retention} as an ISO-8601 duration ({@code P8D}, {@code PT240H}); default 8 days. */
  private static AgentWindows agentWindows(String value) {
    if (value == null) {
      return AgentWindows.defaults();
    }
    try {
      return new AgentWindows(Duration.parse(value.trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(AGENT_RETENTION + ": not an ISO-8601 duration such as P8D: " + value);
    }
  }

  private static int integer(Map<String, String> settings, String key, int defaultValue) {
    String value = settings.get(key);
    try {
      return value == null ? defaultValue : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": not a number: " + value);
    }
  }

  /** The registry client's settings: the URL plus every pass-through key. */
  public Map<String, String> registryClientConfig() {
    Map<String, String> config = new TreeMap<>(registrySettings);
    config.put("schema.registry.url", registryUrl);
    return config;
  }

  private static Map<String, String> readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
    }
    Map<String, String> settings = new TreeMap<>();
    properties.forEach((key, value) -> settings.put(key.toString().trim(), value.toString().trim()));
    return settings;
  }

  /**
   * Environment overrides. A variable overrides the key it spells; for keys not in the file, the variable name is
   * turned into a key by lower-casing and reading underscores as dots (Kafka's keys have no underscores).
   */
  static Map<String, String> fromEnvironment(Map<String, String> environment, Map<String, String> fileSettings) {
    Map<String, String> byEnvName = new TreeMap<>();
    fileSettings.keySet().forEach(key -> byEnvName.put(envName(key), key));
    Map<String, String> overrides = new TreeMap<>();
    environment.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && !name.equals("VITALS_LOG_LEVEL")) {
        String key = byEnvName.getOrDefault(name,
            name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'));
        overrides.put(key, value);
      }
    });
    return overrides;
  }

  static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + ": required (set it in the properties file or " + envName(key) + ")");
    }
  }
}
