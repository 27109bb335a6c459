package dev.vitals.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The schema as other languages see it: the generated Java classes carry {@code "avro.java.string": "String"} on
 * every string, a property only Java's Avro reads. Registering or looking up the schema without it means a contract
 * registered by a producer in any language (Confluent's JavaScript serializer, say) is found by Vitals under the same
 * id, and the other way round.
 */
public final class PortableSchema {
  static final String JAVA_STRING_PROPERTY = "avro.java.string";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Schema, Schema> PORTABLE = new ConcurrentHashMap<>();

  private PortableSchema() {}

  public static Schema of(Schema schema) {
    return PORTABLE.computeIfAbsent(schema, PortableSchema::withoutJavaProperties);
  }

  private static Schema withoutJavaProperties(Schema schema) {
    try {
      JsonNode tree = JSON.readTree(schema.toString());
      strip(tree);
      return new Schema.Parser().parse(JSON.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite schema " + schema.getFullName(), e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(JAVA_STRING_PROPERTY);
    }
    node.forEach(PortableSchema::strip);
  }
}
