package dev.vitals.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration keys of the serde package and their parsing. Key names follow Confluent's
 * serde configuration where one exists, so existing properties files keep working.
 *
 * <p>Values may be strings (properties files, environment) or typed objects (code).
 */
public final class SerdeConfig {

  /** {@code http(s)://host:port[/path]} (comma-separated for fail-over) or {@code mock://NAME}. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Whether serializers register their schema (default true) or only look it up. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /** {@code user:password} for HTTP basic authentication; absent or empty for none. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** Milliseconds to wait for a TCP connection to the registry (default 5000). */
  public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";

  /** Milliseconds to wait for one registry response (default 10000). */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  private SerdeConfig() {}

  static String string(Map<String, ?> config, String key, String fallback) {
    Object value = config.get(key);
    return value == null ? fallback : value.toString().trim();
  }

  static boolean bool(Map<String, ?> config, String key, boolean fallback) {
    Object value = config.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(key, value, "must be true or false");
  }

  static long positiveLong(Map<String, ?> config, String key, long fallback) {
    Object value = config.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the key's name
    }
    throw new ConfigException(key, value, "must be a positive number of milliseconds");
  }
}
