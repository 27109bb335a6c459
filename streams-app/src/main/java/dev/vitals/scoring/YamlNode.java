package dev.vitals.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A node of the parsed YAML together with its dotted path from the document root, so that every type error
 * names the field it is about.
 */
final class YamlNode {
  private final JsonNode node;
  private final String path;

  YamlNode(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  /** A required field of a mapping. */
  YamlNode field(String name) {
    return optionalField(name).orElseThrow(() -> new InvalidScoringConfigException(childPath(name), "is required"));
  }

  Optional<YamlNode> optionalField(String name) {
    requireMapping();
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new YamlNode(child, childPath(name)));
  }

  List<String> fieldNames() {
    requireMapping();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Rejects fields the model does not know: a typo in a key must not be silently ignored. */
  void allowOnly(Collection<String> allowed) {
    for (String name : fieldNames()) {
      if (!allowed.contains(name)) {
        throw new InvalidScoringConfigException(childPath(name),
            "unknown field (expected one of: " + String.join(", ", allowed) + ")");
      }
    }
  }

  List<YamlNode> elements() {
    if (!node.isArray()) {
      throw error("must be a list, was " + describeValue());
    }
    List<YamlNode> elements = new ArrayList<>();
    Iterator<JsonNode> it = node.elements();
    for (int i = 0; it.hasNext(); i++) {
      elements.add(new YamlNode(it.next(), path + "[" + i + "]"));
    }
    return elements;
  }

  double asDouble() {
    if (!node.isNumber()) {
      throw error("must be a number, was " + describeValue());
    }
    return node.doubleValue();
  }

  int asInt() {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw error("must be a whole number, was " + describeValue());
    }
    return node.intValue();
  }

  String asText() {
    if (!node.isValueNode() || node.isBoolean()) {
      throw error("must be text, was " + describeValue());
    }
    return node.asText();
  }

  /** ISO-8601 duration such as {@code P7D}, {@code PT1H} or {@code PT1S}. */
  Duration asDuration() {
    if (!node.isTextual()) {
      throw error("must be an ISO-8601 duration such as P7D or PT1H, was " + describeValue());
    }
    try {
      return Duration.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw error("must be an ISO-8601 duration such as P7D or PT1H, was \"" + node.asText() + "\"");
    }
  }

  InvalidScoringConfigException error(String problem) {
    return new InvalidScoringConfigException(path, problem);
  }

  private void requireMapping() {
    if (!node.isObject()) {
      throw error("must be a mapping of fields, was " + describeValue());
    }
  }

  private String childPath(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private String describeValue() {
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    return node.asText();
  }
}
