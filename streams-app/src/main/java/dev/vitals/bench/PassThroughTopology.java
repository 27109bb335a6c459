package dev.vitals.bench;

import dev.vitals.topology.Topic;
import dev.vitals.topology.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The yardstick of SPEC §5: a stateless Kafka Streams application that reads the same records as the pipeline,
 * decodes each with the same Avro deserializer, encodes it again and writes it to a copy topic. What Vitals costs
 * beyond this is what its state and logic cost; what this costs is Kafka, Avro and the machine.
 */
final class PassThroughTopology {
  /** Each input topic is copied to a topic of its own, so every subject keeps one schema. */
  static final String SINK_SUFFIX = ".bench-copy";

  private PassThroughTopology() {}

  static Topology build(Topics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    copy(builder, topics.usage());
    copy(builder, topics.tickets());
    copy(builder, topics.billing());
    copy(builder, topics.surveys());
    copy(builder, topics.accounts());
    copy(builder, topics.costs());
    return builder.build();
  }

  /** The copy topics, partitioned as their sources. */
  static List<NewTopic> sinks(BenchCluster cluster) {
    try (Admin admin = cluster.admin()) {
      return GroupProgress.get(admin.describeTopics(cluster.inputTopics()).allTopicNames()).values().stream()
          .map(source -> new NewTopic(source.name() + SINK_SUFFIX, source.partitions().size(), (short) 1)
              .configs(Map.of()))
          .toList();
    }
  }

  private static <V> void copy(StreamsBuilder builder, Topic<String, V> topic) {
    builder.stream(topic.name(), Consumed.with(topic.key(), topic.value()).withName(topic.name() + "-source"))
        .to(topic.name() + SINK_SUFFIX,
            Produced.with(topic.key(), topic.value()).withName(topic.name() + "-copy-sink"));
  }
}
