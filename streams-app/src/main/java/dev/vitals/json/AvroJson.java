package dev.vitals.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON for output records (health, alerts): nested records as objects, unions as their value, enums as
 * names, timestamps as ISO-8601 instants and dates as ISO dates. Avro's own JSON encoding wraps every union value
 * in a type tag, which nobody reading {@code health.jsonl} wants.
 */
public final class AvroJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AvroJson() {}

  public static String line(IndexedRecord record) {
    try {
      return MAPPER.writeValueAsString(tree(record));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + record.getSchema().getName() + " as JSON", e);
    }
  }

  public static ObjectNode tree(IndexedRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), value(record.get(field.pos())));
    }
    return node;
  }

  private static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof IndexedRecord nested) {
      return tree(nested);
    } else if (value instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(value(item)));
      return array;
    } else if (value instanceof Double number) {
      return NODES.numberNode(number);
    } else if (value instanceof Integer number) {
      return NODES.numberNode(number);
    } else if (value instanceof Long number) {
      return NODES.numberNode(number);
    } else if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    } else if (value instanceof Instant || value instanceof LocalDate || value instanceof Enum<?>
        || value instanceof CharSequence) {
      return NODES.textNode(value.toString());
    }
    throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
  }
}
