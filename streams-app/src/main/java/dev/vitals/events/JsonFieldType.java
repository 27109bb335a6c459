package dev.vitals.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * How one Avro field type is written as a JSON value and read back, with errors that name the
 * field. Built once per schema field, so that parsing a line does no schema inspection.
 *
 * <p>Only the shapes the Vitals contracts use are supported (string, int, long, boolean, double,
 * enum, array, timestamp-millis, date, and a union of null with one of those); anything else
 * fails when the codec is built, not when an event arrives.
 */
sealed interface JsonFieldType {

  /** True when JSON null (or an absent field) is a valid value. */
  default boolean nullable() {
    return false;
  }

  /** Decodes a present, non-null JSON value; {@code field} is the path used in errors. */
  Object read(JsonNode node, String field);

  void write(Object value, JsonGenerator out) throws IOException;

  static JsonFieldType of(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    switch (schema.getType()) {
      case UNION:
        return nullableOf(schema);
      case STRING:
        return new Text();
      case BOOLEAN:
        return new Bool();
      case DOUBLE:
        return new Decimal();
      case INT:
        if (logical == null) {
          return new Int32();
        }
        if (logical instanceof LogicalTypes.Date) {
          return new Date();
        }
        break;
      case LONG:
        if (logical == null) {
          return new Int64();
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
          return new Timestamp();
        }
        break;
      case ENUM:
        return Symbol.of(schema);
      case ARRAY:
        return new Items(of(schema.getElementType()));
      default:
        break;
    }
    throw new IllegalArgumentException("the JSON event codec does not support the Avro type " + schema);
  }

  private static JsonFieldType nullableOf(Schema union) {
    List<Schema> branches = union.getTypes();
    if (branches.size() == 2 && branches.get(0).getType() == Schema.Type.NULL) {
      return new Nullable(of(branches.get(1)));
    }
    if (branches.size() == 2 && branches.get(1).getType() == Schema.Type.NULL) {
      return new Nullable(of(branches.get(0)));
    }
    throw new IllegalArgumentException("the JSON event codec supports only unions of null and one type: " + union);
  }

  /** The JSON type of a node, in words, for "expected X, got Y" messages. */
  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "string \"" + abbreviate(node.textValue()) + "\"";
      case NUMBER -> "number " + abbreviate(node.asText());
      case BOOLEAN -> "boolean " + node.asText();
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase();
    };
  }

  /** Keeps echoed input short and on one line. */
  static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }

  private static InvalidEventException expected(String field, String what, JsonNode got) {
    return new InvalidEventException(field, "field '" + field + "' must be " + what + ", got " + describe(got));
  }

  record Nullable(JsonFieldType value) implements JsonFieldType {
    @Override
    public boolean nullable() {
      return true;
    }

    @Override
    public Object read(JsonNode node, String field) {
      return value.read(node, field);
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      if (v == null) {
        out.writeNull();
      } else {
        value.write(v, out);
      }
    }
  }

  record Text() implements JsonFieldType {
    @Override
    public Object read(JsonNode node, String field) {
      if (!node.isTextual()) {
        throw expected(field, "a string", node);
      }
      return node.textValue();
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      out.writeString(v.toString());
    }
  }

  record Bool() implements JsonFieldType {
    @Override
    public Object read(JsonNode node, String field) {
      if (!node.isBoolean()) {
        throw expected(field, "true or false", node);
      }
      return node.booleanValue();
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      out.writeBoolean((Boolean) v);
    }
  }

  record Decimal() implements JsonFieldType {
    @Override
    public Object read(JsonNode node, String field) {
      if (!node.isNumber()) {
        throw expected(field, "a number", node);
      }
      return node.doubleValue();
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      out.writeNumber((Double) v);
    }
  }

  record Int32() implements JsonFieldType {
    @Override
    public Object read(JsonNode node, String field) {
      // 3.0 is rejected too: a float in an integer field usually means a unit mix-up upstream.
      if (!node.isIntegralNumber()) {
        throw expected(field, "an integer", node);
      }
      if (!node.canConvertToInt()) {
        throw expected(field, "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE, node);
      }
      return node.intValue();
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      out.writeNumber((Integer) v);
    }
  }

  record Int64() implements JsonFieldType {
    @Override
    public Object read(JsonNode node, String field) {
      if (!node.isIntegralNumber()) {
        throw expected(field, "an integer", node);
      }
      if (!node.canConvertToLong()) {
        throw expected(field, "a 64-bit integer", node);
      }
      return node.longValue();
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      out.writeNumber((Long) v);
    }
  }

  /** timestamp-millis as an ISO-8601 instant; finer precision is truncated as Avro would. */
  record Timestamp() implements JsonFieldType {
    @Override
    public Object read(JsonNode node, String field) {
      if (!node.isTextual()) {
        throw expected(field, "an ISO-8601 instant string like 2026-03-01T09:30:00Z", node);
      }
      try {
        return IsoInstant.parse(node.textValue());
      } catch (DateTimeParseException e) {
        throw new InvalidEventException(field, "field '" + field + "' is not an ISO-8601 instant like "
            + "2026-03-01T09:30:00Z: \"" + abbreviate(node.textValue()) + "\"");
      }
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      out.writeString(v.toString());
    }
  }

  record Date() implements JsonFieldType {
    @Override
    public Object read(JsonNode node, String field) {
      if (!node.isTextual()) {
        throw expected(field, "an ISO-8601 date string like 2026-09-30", node);
      }
      try {
        return LocalDate.parse(node.textValue());
      } catch (DateTimeParseException e) {
        throw new InvalidEventException(field, "field '" + field + "' is not an ISO-8601 date like "
            + "2026-09-30: \"" + abbreviate(node.textValue()) + "\"");
      }
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      out.writeString(v.toString());
    }
  }

  /** An Avro enum, read into the generated Java enum; errors list the symbols in schema order. */
  record Symbol(String enumName, String allowed, Map<String, Object> constants) implements JsonFieldType {
    static Symbol of(Schema schema) {
      Class<?> type = SpecificData.get().getClass(schema);
      if (type == null || !type.isEnum()) {
        throw new IllegalArgumentException("no generated Java enum for " + schema.getFullName());
      }
      Map<String, Object> constants = new LinkedHashMap<>();
      for (Object constant : type.getEnumConstants()) {
        constants.put(((Enum<?>) constant).name(), constant);
      }
      return new Symbol(schema.getName(), String.join(", ", schema.getEnumSymbols()), Map.copyOf(constants));
    }

    @Override
    public Object read(JsonNode node, String field) {
      if (!node.isTextual()) {
        throw expected(field, "a string, one of " + allowed, node);
      }
      Object constant = constants.get(node.textValue());
      if (constant == null) {
        throw new InvalidEventException(field, "field '" + field + "' has unknown " + enumName + " symbol \""
            + abbreviate(node.textValue()) + "\"; allowed: " + allowed);
      }
      return constant;
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      out.writeString(v.toString());
    }
  }

  record Items(JsonFieldType element) implements JsonFieldType {
    @Override
    public Object read(JsonNode node, String field) {
      if (!node.isArray()) {
        throw expected(field, "an array", node);
      }
      List<Object> values = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        String path = field + "[" + i + "]";
        JsonNode item = node.get(i);
        if (item.isNull() && !element.nullable()) {
          throw new InvalidEventException(path, "field '" + path + "' must not be null");
        }
        values.add(item.isNull() ? null : element.read(item, path));
      }
      return values;
    }

    @Override
    public void write(Object v, JsonGenerator out) throws IOException {
      out.writeStartArray();
      for (Object item : (List<?>) v) {
        if (item == null) {
          out.writeNull();
        } else {
          element.write(item, out);
        }
      }
      out.writeEndArray();
    }
  }
}
