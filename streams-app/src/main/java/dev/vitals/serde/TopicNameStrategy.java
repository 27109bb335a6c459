package dev.vitals.serde;

/**
 * Confluent's default subject naming: the schema of a topic's values lives under {@code
 * <topic>-value} and of its keys under {@code <topic>-key}. Using the same rule lets Vitals and
 * Confluent-serializer producers share subjects and compatibility checks.
 */
public final class TopicNameStrategy {

  private TopicNameStrategy() {}

  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
