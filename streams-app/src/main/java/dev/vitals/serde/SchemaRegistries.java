package dev.vitals.serde;

import java.util.Locale;
import java.util.Map;

/** Chooses the schema registry client for a {@code schema.registry.url}. */
public final class SchemaRegistries {

  private static final String MOCK_PREFIX = "mock://";

  private SchemaRegistries() {}

  /**
   * {@code mock://NAME} gives the process-wide in-memory registry of that name ({@link
   * MockSchemaRegistryScope}); {@code http://…} and {@code https://…} (comma-separated for
   * fail-over) give an {@link HttpSchemaRegistry} configured from {@code config}.
   *
   * @throws IllegalArgumentException for a missing URL or any other scheme
   */
  public static SchemaRegistry forUrl(String url, Map<String, ?> config) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          SerdeConfig.SCHEMA_REGISTRY_URL + " is not set: use http(s)://host:port or mock://NAME");
    }
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith(MOCK_PREFIX)) {
      return MockSchemaRegistryScope.get(trimmed.substring(MOCK_PREFIX.length()));
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return new HttpSchemaRegistry(trimmed, config);
    }
    throw new IllegalArgumentException("unsupported " + SerdeConfig.SCHEMA_REGISTRY_URL + " '" + trimmed
        + "': use http(s)://host:port[/path] or mock://NAME");
  }
}
