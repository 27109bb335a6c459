package dev.vitals.it;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What a test prints when committed outputs stop short: for each partition of every topic (inputs, outputs and the
 * application's changelogs, whose stuck transaction would hold a restoring task back), the high watermark and
 * the last stable offset (a gap means a transaction still open there, so read_committed readers stop at it), the
 * transactions the broker holds open, and each consumer group's committed offsets. Diagnostics only: nothing is
 * asserted.
 */
public final class TransactionDiagnostics {
  private TransactionDiagnostics() {}

  public static String of(String bootstrapServers) {
    StringBuilder report = new StringBuilder();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> topics = admin.listTopics().names().get();
      Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
      admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      var highWatermarks = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
          .all().get();
      var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
      latest.keySet().forEach(tp -> report.append(tp).append(" high watermark ")
          .append(highWatermarks.get(tp).offset()).append(", last stable ").append(stable.get(tp).offset())
          .append('\n'));
      List<TopicPartition> held = latest.keySet().stream()
          .filter(tp -> stable.get(tp).offset() < highWatermarks.get(tp).offset()).toList();
      admin.describeProducers(held).all().get().forEach((tp, producers) -> producers.activeProducers().stream()
          .filter(p -> p.currentTransactionStartOffset().isPresent())
          .forEach(p -> report.append(tp).append(" held by producer ").append(p.producerId()).append(" epoch ")
              .append(p.producerEpoch()).append(", transaction open since offset ")
              .append(p.currentTransactionStartOffset().getAsLong()).append('\n')));
      for (TransactionListing listing : admin.listTransactions().all().get()) {
        report.append("transaction ").append(listing.transactionalId()).append(' ').append(listing.state())
            .append('\n');
      }
      for (var group : admin.listGroups().all().get()) {
        var offsets = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
        report.append("group ").append(group.groupId()).append(": ").append(offsets.entrySet().stream()
            .map(e -> e.getKey() + "=" + (e.getValue() == null ? "-" : e.getValue().offset()))
            .sorted().collect(Collectors.joining(", "))).append('\n');
      }
    } catch (Exception e) {
      report.append("diagnostics failed: ").append(e);
    }
    return report.toString();
  }
}
