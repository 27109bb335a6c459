package dev.vitals.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * An in-process schema registry for {@code mock://NAME} (unit tests and {@code replay}).
 *
 * <p>It behaves like a Confluent registry where it matters to the serdes: ids are global and
 * assigned sequentially from 1, an identical schema gets the same id under every subject, and
 * registering a schema a subject already has returns the existing id without a new version. It
 * does not enforce compatibility rules (a real registry is the place to test those).
 *
 * <p>Use {@link MockSchemaRegistryScope#get(String)} to share one instance per name; the
 * constructor is public for tests that want a private registry.
 */
public final class MockSchemaRegistry implements SchemaRegistry {

  private final String name;
  // One lock for all three maps: registration must assign an id and a version atomically, and a
  // mock sees too little traffic for finer locking to pay.
  private final Object lock = new Object();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();
  private int nextId = 1;

  public MockSchemaRegistry(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  @Override
  public int register(String subject, Schema schema) {
    synchronized (lock) {
      Integer id = idsBySchema.get(schema);
      if (id == null) {
        id = nextId++;
        idsBySchema.put(schema, id);
        schemasById.put(id, schema);
      }
      List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
      if (!versions.contains(id)) {
        versions.add(id);
      }
      return id;
    }
  }

  @Override
  public OptionalInt lookup(String subject, Schema schema) {
    synchronized (lock) {
      Integer id = idsBySchema.get(schema);
      List<Integer> versions = versionsBySubject.get(subject);
      return id != null && versions != null && versions.contains(id)
          ? OptionalInt.of(id)
          : OptionalInt.empty();
    }
  }

  @Override
  public Schema schemaById(int id) {
    synchronized (lock) {
      Schema schema = schemasById.get(id);
      if (schema == null) {
        throw new UnknownSchemaIdException(id, "mock://" + name);
      }
      return schema;
    }
  }

  /** The subjects registered so far, sorted. */
  public Set<String> subjects() {
    synchronized (lock) {
      return new TreeSet<>(versionsBySubject.keySet());
    }
  }

  /** The schemas registered under {@code subject}, oldest version first; empty if none. */
  public List<Schema> versions(String subject) {
    synchronized (lock) {
      return versionsBySubject.getOrDefault(subject, List.of()).stream()
          .map(schemasById::get)
          .toList();
    }
  }

  @Override
  public String toString() {
    return "mock://" + name;
  }
}
