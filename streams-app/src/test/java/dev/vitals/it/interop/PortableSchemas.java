package dev.vitals.it.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.events.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;

/**
 * The input contracts as a producer in another language holds them: one self-contained schema per event type
 * (shared named types such as Segment inlined, as {@link Schema#toString()} writes them), without the Java-only
 * {@code avro.java.string} property that Avro's code generator adds to the classes' schemas. Written as
 * {@code <type>.avsc} (usage.avsc, ticket.avsc, ...) for {@code interop/produce-events.js}.
 */
public final class PortableSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String JAVA_STRING_PROPERTY = "avro.java.string";

  private PortableSchemas() {}

  /** Writes every input type's schema into {@code dir}; returns {@code dir}. */
  public static Path writeInputSchemas(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (EventType type : EventType.values()) {
      Files.writeString(dir.resolve(type.jsonName() + ".avsc"), portable(type.schema()));
    }
    return dir;
  }

  /** The schema's JSON text without Java-only properties. */
  public static String portable(Schema schema) throws IOException {
    JsonNode tree = JSON.readTree(schema.toString());
    strip(tree);
    return JSON.writeValueAsString(tree);
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(JAVA_STRING_PROPERTY);
    }
    node.forEach(PortableSchemas::strip);
  }
}
