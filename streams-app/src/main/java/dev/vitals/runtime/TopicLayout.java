package dev.vitals.runtime;

import dev.vitals.topology.TopicNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics Vitals reads and writes, with their settings: the account topics share one partition count (they
 * meet in one task, so they must be co-partitioned); profiles and health are compacted (latest per account);
 * alerts and dead letters are kept for a while after they are written, to be read by people.
 */
public final class TopicLayout {
  private static final Duration ALERT_RETENTION = Duration.ofDays(90);
  private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

  private TopicLayout() {}

  public static List<NewTopic> of(TopicNames names, int partitions, short replication) {
    return List.of(
        topic(names.usage(), partitions, replication, Map.of()),
        topic(names.tickets(), partitions, replication, Map.of()),
        topic(names.billing(), partitions, replication, Map.of()),
        topic(names.surveys(), partitions, replication, Map.of()),
        topic(names.accounts(), partitions, replication, compacted()),
        topic(names.costs(), 1, replication, Map.of()),
        topic(names.health(), partitions, replication, compacted()),
        topic(names.alerts(), partitions, replication, retention(ALERT_RETENTION)),
        topic(names.deadLetters(), 1, replication, retention(DEAD_LETTER_RETENTION)));
  }

  private static NewTopic topic(String name, int partitions, short replication, Map<String, String> configs) {
    return new NewTopic(name, partitions, replication).configs(configs);
  }

  private static Map<String, String> compacted() {
    return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
  }

  /**
   * Kept for {@code duration} after being written. The records carry event times (an alert its decision time, a
   * dead letter its input's timestamp), which for a replayed or backfilled history are months old: retention counted
   * from them would delete these records, which people read, as soon as their segment rolled. The broker's append
   * time is what retention counts from here; the event time stays in the record's value and headers.
   */
  private static Map<String, String> retention(Duration duration) {
    return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(duration.toMillis()),
        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
  }
}
