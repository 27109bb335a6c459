package dev.vitals.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that do not exist yet; existing topics are left as they are. Returns once every partition of
 * the new topics has a leader: a producer that starts at once otherwise meets NOT_LEADER_OR_FOLLOWER, and its
 * idempotent retries can then stall on OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout.
 */
public final class TopicProvisioner {
  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final Duration LEADERS_WITHIN = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(100);

  private TopicProvisioner() {}

  public static void ensure(String bootstrapServers, Map<String, String> clientOverrides, List<NewTopic> topics) {
    try (Admin admin = Admin.create(KafkaClientSettings.of(bootstrapServers, clientOverrides))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
        missing.forEach(t -> log.info("created topic {} ({} partitions, {})", t.name(), t.numPartitions(),
            t.configs().isEmpty() ? "defaults" : t.configs()));
        awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics at " + bootstrapServers + ": "
          + (KafkaAccess.isRefused(e) ? KafkaAccess.explain(e) : e.getCause().getMessage()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private static void awaitLeaders(Admin admin, List<String> names) throws ExecutionException, InterruptedException {
    BoundedWait.until(LEADERS_WITHIN, POLL, "topics " + names + " have partitions without a leader",
        () -> allHaveLeaders(admin, names));
  }

  private static boolean allHaveLeaders(Admin admin, List<String> names)
      throws ExecutionException, InterruptedException {
    try {
      return admin.describeTopics(names).allTopicNames().get().values().stream()
          .flatMap(topic -> topic.partitions().stream())
          .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }
}
