package dev.vitals.it;

import dev.vitals.runtime.LoopbackPorts;
import dev.vitals.runtime.ServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings of one Vitals instance under test, as {@code run} reads them from a properties file: its own HTTP
 * port (advertised as application.server), a short commit interval, and a session timeout short enough that a
 * killed or stopped instance's partitions move within seconds rather than the default 45.
 */
public final class InstanceSettings {
  private final Map<String, String> settings = new TreeMap<>();

  public InstanceSettings(String applicationId, String bootstrapServers, String registryUrl, Path stateDir,
      ItTopics topics) {
    int port = LoopbackPorts.free();
    settings.put("application.id", applicationId);
    settings.put("bootstrap.servers", bootstrapServers);
    settings.put("schema.registry.url", registryUrl);
    settings.put("state.dir", stateDir.toString());
    settings.put("http.port", Integer.toString(port));
    settings.put("application.server", "127.0.0.1:" + port);
    settings.put("kafka.commit.interval.ms", "200");
    settings.put("kafka.session.timeout.ms", "6000");
    settings.put("kafka.heartbeat.interval.ms", "1500");
    settings.putAll(topics.settings());
  }

  public InstanceSettings with(String key, String value) {
    settings.put(key, value);
    return this;
  }

  public int httpPort() {
    return Integer.parseInt(settings.get("http.port"));
  }

  public ServiceConfig config() {
    return ServiceConfig.fromSettings(settings, "test settings");
  }

  /** Writes the settings as a properties file for {@code run --config}. */
  public Path writeTo(Path file) {
    Properties properties = new Properties();
    properties.putAll(settings);
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "Vitals instance under test");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
