package dev.vitals.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.events.EventType;
import dev.vitals.serde.MockSchemaRegistryScope;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.topology.EventTopics;
import dev.vitals.topology.TopicNames;
import dev.vitals.topology.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The corpus generator itself: deterministic, big enough, and every kind on every topic it can occur on. */
class BadInputCorpusTest {
  private static final Instant PRODUCED_AT = Instant.parse("2026-12-31T00:00:00Z");

  private final String registryName = "corpus-" + UUID.randomUUID();
  private final VitalsSerdes serdes = VitalsSerdes.mock(registryName);
  private final EventTopics topics = new EventTopics(Topics.of(TopicNames.defaults(), serdes));
  private final List<SpecificRecord> history =
      new HistorySimulator(3, 6, Instant.parse("2025-01-06T00:00:00Z"), 35).stream().toList();

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistryScope.drop(registryName);
  }

  @Test
  void shouldMakeTheSameBytesFromTheSameSeed() {
    List<BadInputCorpus.Chunk> first = corpus(42).mix(history, 600, 5);
    List<BadInputCorpus.Chunk> second = corpus(42).mix(history, 600, 5);

    assertThat(flat(second)).hasSize(600).containsExactlyElementsOf(flat(first));
  }

  @Test
  void shouldMixEveryKindIntoEveryTopicItCanOccurOnAndKeepTheGoodHistoryWhole() {
    List<BadInputCorpus.Chunk> chunks = corpus(7).mix(history, 10_500, 30);

    assertThat(chunks.stream().flatMap(c -> c.good().stream()).toList()).isEqualTo(history);
    List<BadRecord> bad = chunks.stream().flatMap(c -> c.bad().stream()).toList();
    assertThat(bad).hasSize(10_500);
    Map<String, Set<BadInput>> kindsByTopic = bad.stream().collect(Collectors.groupingBy(BadRecord::topic,
        Collectors.mapping(BadRecord::kind, Collectors.toSet())));
    for (EventType type : EventType.values()) {
      Set<BadInput> expected = new HashSet<>(Arrays.stream(BadInput.values()).filter(k -> k.occursOn(type)).toList());
      assertThat(kindsByTopic.get(topics.topicOf(type))).as(type.name()).isEqualTo(expected);
    }
  }

  private BadInputCorpus corpus(long seed) {
    return new BadInputCorpus(seed, topics, serdes.registry(), Duration.ofDays(7), PRODUCED_AT, history);
  }

  /** Each record as text, so equal bytes compare equal. */
  private static List<String> flat(List<BadInputCorpus.Chunk> chunks) {
    return chunks.stream().flatMap(c -> c.bad().stream())
        .map(b -> b.kind() + " " + b.topic() + " " + Arrays.toString(b.key()) + " " + Arrays.toString(b.value()))
        .toList();
  }
}
