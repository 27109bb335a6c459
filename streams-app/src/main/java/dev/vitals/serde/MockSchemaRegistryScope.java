package dev.vitals.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which {@link MockSchemaRegistry} a {@code mock://NAME} URL means in this JVM.
 *
 * <p>Why a process-wide map: serdes are built from configuration maps in many places (the
 * topology, the test's producer and consumer, {@code replay}'s test driver), and they can only
 * agree on schema ids if the same URL string leads to the same registry. Confluent's serdes follow
 * the same convention for {@code mock://} scopes, so tests written against either behave alike.
 * This is the only static mutable state of the serde package; tests call {@link #drop(String)} to
 * start from an empty registry.
 */
public final class MockSchemaRegistryScope {

  private static final Map<String, MockSchemaRegistry> REGISTRIES = new ConcurrentHashMap<>();

  private MockSchemaRegistryScope() {}

  /** The registry for {@code name}, created empty on first use. */
  public static MockSchemaRegistry get(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("mock schema registry needs a name: mock://NAME");
    }
    return REGISTRIES.computeIfAbsent(name, MockSchemaRegistry::new);
  }

  /** Forgets the registry for {@code name}; the next {@link #get} starts a new, empty one. */
  public static void drop(String name) {
    REGISTRIES.remove(name);
  }
}
