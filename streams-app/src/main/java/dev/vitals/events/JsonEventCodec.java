package dev.vitals.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The JSON-lines form of Vitals' input events (SPEC §2), used by {@code replay}, {@code produce},
 * {@code simulate} and test fixtures: one object per line,
 * {@code {"type": "usage", "eventId": ..., ...}}, with the Avro fields by name, instants as
 * ISO-8601 ({@code 2026-03-01T09:30:00Z}) and dates as {@code 2026-09-30}.
 *
 * <p>The codec is derived from the Avro schemas rather than written per type, so a field added to
 * a contract is understood here without a code change. Parsing is strict: fields with a default
 * may be left out and nullable fields may be null or left out, but an unknown field is an error,
 * because a misspelt optional field would otherwise vanish silently.
 *
 * <p>{@link #format} writes {@code type} first and then the fields in schema order, leaving out
 * null values; {@code parse(format(e))} equals {@code e}. Instances are immutable and thread-safe.
 */
public final class JsonEventCodec {

  private final ObjectMapper mapper;
  private final JsonFactory factory;
  private final Map<EventType, RecordLayout> layouts = new EnumMap<>(EventType.class);

  public JsonEventCodec() {
    this.mapper = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    this.factory = mapper.getFactory();
    for (EventType type : EventType.values()) {
      layouts.put(type, new RecordLayout(type, mapper));
    }
  }

  /**
   * Decodes one JSON line into the generated Avro record of its type.
   *
   * @throws InvalidEventException naming the field and the problem
   */
  public SpecificRecord parse(String line) {
    return readEvent(readObject(line));
  }

  /**
   * Decodes one line of a replay or produce input: an event as {@link #parse} does, or an account erasure
   * ({@code {"type": "erasure", "accountId": ..., "erasedAt": ...}}, see {@link InputLine.Erasure}).
   *
   * @throws InvalidEventException naming the field and the problem
   */
  public InputLine read(String line) {
    JsonNode root = readObject(line);
    JsonNode type = root.get("type");
    if (type != null && InputLine.Erasure.TYPE.equals(type.textValue())) {
      return readErasure(root);
    }
    return new InputLine.Event(readEvent(root));
  }

  private static InputLine.Erasure readErasure(JsonNode root) {
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!List.of("type", "accountId", "erasedAt").contains(name)) {
        throw new InvalidEventException(name, "unknown field '" + name + "' of an erasure (accountId, erasedAt)");
      }
    }
    JsonNode accountId = root.get("accountId");
    JsonNode erasedAt = root.get("erasedAt");
    if (erasedAt != null && !erasedAt.isTextual()) {
      throw new InvalidEventException("erasedAt", "erasedAt must be an ISO-8601 instant");
    }
    try {
      return new InputLine.Erasure(accountId == null || !accountId.isTextual() ? null : accountId.textValue(),
          erasedAt == null ? null : IsoInstant.parse(erasedAt.textValue()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidEventException("erasedAt", "erasedAt must be an ISO-8601 instant, got " + erasedAt);
    }
  }

  /** Writes an erasure as a JSON line, without the line terminator. */
  public String format(InputLine.Erasure erasure) {
    return mapper.createObjectNode()
        .put("type", InputLine.Erasure.TYPE)
        .put("accountId", erasure.accountId())
        .put("erasedAt", erasure.erasedAt().toString())
        .toString();
  }

  private JsonNode readObject(String line) {
    if (line == null || line.isBlank()) {
      throw new InvalidEventException(null, "empty line: expected a JSON object");
    }
    JsonNode root;
    try {
      root = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
      throw new InvalidEventException(null,
          "not JSON: " + JsonFieldType.abbreviate(e.getOriginalMessage()) + where);
    }
    if (!root.isObject()) {
      throw new InvalidEventException(null,
          "expected a JSON object with a \"type\", got " + JsonFieldType.describe(root));
    }
    return root;
  }

  private SpecificRecord readEvent(JsonNode root) {
    JsonNode typeNode = root.get("type");
    if (typeNode == null || typeNode.isNull()) {
      throw new InvalidEventException("type",
          "missing required field 'type' (one of " + EventType.jsonNames() + ")");
    }
    if (!typeNode.isTextual()) {
      throw new InvalidEventException("type", "field 'type' must be a string, one of "
          + EventType.jsonNames() + ", got " + JsonFieldType.describe(typeNode));
    }
    Optional<EventType> type = EventType.fromJsonName(typeNode.textValue());
    if (type.isEmpty()) {
      throw new InvalidEventException("type", "unknown type \"" + JsonFieldType.abbreviate(typeNode.textValue())
          + "\"; allowed: " + EventType.jsonNames());
    }
    return layouts.get(type.get()).read(root);
  }

  /** Writes one event as a JSON line, without the line terminator. */
  public String format(SpecificRecord event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      layouts.get(EventType.of(event)).write(event, generator);
    } catch (IOException e) {
      // A StringWriter does not fail; this would be a bug in a field writer.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** One record type's fields, in schema order, with their JSON types and defaults. */
  private static final class RecordLayout {
    private final EventType type;
    private final List<FieldLayout> fields = new ArrayList<>();
    private final Map<String, FieldLayout> byName = new LinkedHashMap<>();

    RecordLayout(EventType type, ObjectMapper mapper) {
      this.type = type;
      for (Schema.Field field : type.schema().getFields()) {
        FieldLayout layout = new FieldLayout(field.name(), field.pos(), JsonFieldType.of(field.schema()),
            defaultAsJson(field, mapper));
        fields.add(layout);
        byName.put(layout.name(), layout);
      }
    }

    /** The Avro default as a JSON tree, so it goes through the same decoding as input. */
    private static JsonNode defaultAsJson(Schema.Field field, ObjectMapper mapper) {
      if (!field.hasDefaultValue()) {
        return null;
      }
      Object value = field.defaultVal();
      return value == JsonProperties.NULL_VALUE ? NullNode.getInstance() : mapper.valueToTree(value);
    }

    SpecificRecord read(JsonNode root) {
      // Unknown fields first: a misspelt required field then reads as "did you mean", not "missing".
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("type") && !byName.containsKey(name)) {
          throw new InvalidEventException(name, "unknown field '" + JsonFieldType.abbreviate(name)
              + "' for type " + type.jsonName() + suggestion(name));
        }
      }
      SpecificRecord record = type.newRecord();
      for (FieldLayout field : fields) {
        JsonNode node = root.get(field.name());
        if (node == null) {
          if (field.defaultValue() == null) {
            throw new InvalidEventException(field.name(),
                "missing required field '" + field.name() + "' for type " + type.jsonName());
          }
          node = field.defaultValue();
        }
        Object value;
        if (node.isNull()) {
          if (!field.type().nullable()) {
            throw new InvalidEventException(field.name(), "field '" + field.name() + "' must not be null");
          }
          value = null;
        } else {
          value = field.type().read(node, field.name());
        }
        record.put(field.position(), value);
      }
      return record;
    }

    void write(SpecificRecord event, JsonGenerator out) throws IOException {
      out.writeStartObject();
      out.writeStringField("type", type.jsonName());
      for (FieldLayout field : fields) {
        Object value = event.get(field.position());
        if (value == null) {
          continue;
        }
        out.writeFieldName(field.name());
        field.type().write(value, out);
      }
      out.writeEndObject();
    }

    private String suggestion(String unknown) {
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (String known : byName.keySet()) {
        int distance = editDistance(unknown.toLowerCase(), known.toLowerCase());
        if (distance < bestDistance) {
          best = known;
          bestDistance = distance;
        }
      }
      return best != null && bestDistance <= 2 ? " (did you mean '" + best + "'?)" : "; known fields: "
          + String.join(", ", byName.keySet());
    }

    private static int editDistance(String a, String b) {
      int[] previous = new int[b.length() + 1];
      int[] current = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) {
        previous[j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        current[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
          current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        }
        int[] swap = previous;
        previous = current;
        current = swap;
      }
      return previous[b.length()];
    }
  }

  /** {@code defaultValue} is null when the field is required. */
  private record FieldLayout(String name, int position, JsonFieldType type, JsonNode defaultValue) {}
}
