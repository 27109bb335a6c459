package dev.vitals.it.interop;

import dev.vitals.serde.PortableSchema;
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

  private PortableSchemas() {}

  /** Writes every input type's schema into {@code dir}; returns {@code dir}. */
  public static Path writeInputSchemas(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (EventType type : EventType.values()) {
      Files.writeString(dir.resolve(type.jsonName() + ".avsc"), portable(type.schema()));
    }
    return dir;
  }

  /** The schema's JSON text without Java-only properties, as Vitals' serializer registers it too. */
  public static String portable(Schema schema) {
    return PortableSchema.of(schema).toString();
  }
}
