package dev.vitals.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Record by record, field by field, where two sets of final health records differ, as Kafka's StreamsEosTest
 * verifier reports a mismatch: {@code account /json/pointer: expected <a> but was <b>}. An empty list means equal. A
 * failed comparison then names the few fields at fault instead of printing every account's record twice.
 */
public final class HealthDifferences {
  private HealthDifferences() {}

  /** Every difference between {@code expected} and {@code actual}, with the JSON pointers in {@code ignored} left out. */
  public static List<String> of(Map<String, JsonNode> expected, Map<String, JsonNode> actual, Set<String> ignored) {
    List<String> differences = new ArrayList<>();
    Set<String> accounts = new TreeSet<>(expected.keySet());
    accounts.addAll(actual.keySet());
    for (String account : accounts) {
      JsonNode want = expected.get(account);
      JsonNode got = actual.get(account);
      if (want == null || got == null) {
        differences.add(account + ": " + (want == null ? "not expected" : "missing"));
      } else {
        compare(account, "", want, got, ignored, differences);
      }
    }
    return differences;
  }

  public static List<String> of(Map<String, JsonNode> expected, Map<String, JsonNode> actual) {
    return of(expected, actual, Set.of());
  }

  private static void compare(String account, String path, JsonNode want, JsonNode got, Set<String> ignored,
      List<String> differences) {
    if (ignored.contains(path) || want.equals(got)) {
      return;
    }
    if (want.isObject() && got.isObject()) {
      Set<String> names = new TreeSet<>();
      want.fieldNames().forEachRemaining(names::add);
      got.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        compare(account, path + "/" + name, want.path(name), got.path(name), ignored, differences);
      }
      return;
    }
    differences.add(account + " " + path + ": expected " + want + " but was " + got);
  }

  /** The number of leaf fields in {@code records}: what a record-by-record comparison checked. */
  public static long fieldsIn(Map<String, JsonNode> records) {
    long fields = 0;
    for (JsonNode record : records.values()) {
      fields += leaves(record);
    }
    return fields;
  }

  private static long leaves(JsonNode node) {
    if (!node.isContainerNode()) {
      return 1;
    }
    long count = 0;
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      count += leaves(children.next());
    }
    return count;
  }
}
