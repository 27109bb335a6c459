package dev.vitals.it;

import dev.vitals.events.EventType;
import dev.vitals.runtime.TopicLayout;
import dev.vitals.runtime.TopicProvisioner;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.CostEntry;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.DeadLetterHeaders;
import dev.vitals.topology.EventTopics;
import dev.vitals.topology.Topic;
import dev.vitals.topology.TopicNames;
import dev.vitals.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One test's own set of Vitals topics on a broker: the default names with a suffix (so registry subjects are fresh
 * too), created with the production layout, plus the serdes that frame and read them through the real registry.
 */
public record ItTopics(TopicNames names, Topics topics, EventTopics events) {

  public static ItTopics create(String suffix, int partitions, String bootstrapServers, String registryUrl) {
    TopicNames d = TopicNames.defaults();
    TopicNames names = new TopicNames(d.usage() + suffix, d.tickets() + suffix, d.billing() + suffix,
        d.surveys() + suffix, d.accounts() + suffix, d.costs() + suffix, d.health() + suffix, d.alerts() + suffix,
        d.deadLetters() + suffix);
    TopicProvisioner.ensure(bootstrapServers, Map.of(), TopicLayout.of(names, partitions, (short) 1));
    Topics topics = Topics.of(names, new VitalsSerdes(Map.of("schema.registry.url", registryUrl)));
    return new ItTopics(names, topics, new EventTopics(topics));
  }

  /** What the pipeline has committed to the health and alert topics so far. */
  public Outcome observed(String bootstrapServers) {
    return Outcome.of(
        TopicReader.readAll(bootstrapServers, topics.health()).stream().map(r -> r.value()).toList(),
        TopicReader.readAll(bootstrapServers, topics.alerts()).stream().map(r -> r.value()).toList());
  }

  /** Every alert transition the pipeline has committed, in the order written (per account, per partition). */
  public List<ChurnAlert> alerts(String bootstrapServers) {
    return TopicReader.readAll(bootstrapServers, topics.alerts()).stream().map(r -> r.value()).toList();
  }

  /** The accounts of {@code history}, by the accountId their events carry (a cost entry's names a cost centre). */
  public static Set<String> accountsOf(List<? extends SpecificRecord> history) {
    Set<String> accounts = new TreeSet<>();
    for (SpecificRecord event : history) {
      if (!(event instanceof CostEntry)) {
        accounts.add(String.valueOf(event.get(event.getSchema().getField("accountId").pos())));
      }
    }
    return accounts;
  }

  /** How many records each input topic holds (read_committed), by topic name. */
  public Map<String, Integer> inputCounts(String bootstrapServers) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (String name : List.of(names.usage(), names.tickets(), names.billing(), names.surveys(), names.accounts(),
        names.costs())) {
      counts.put(name, TopicReader.readAll(bootstrapServers,
          new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray())).size());
    }
    return counts;
  }

  /** How many of {@code events} go to each input topic, by topic name. */
  public Map<String, Integer> inputCounts(List<? extends SpecificRecord> events) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (EventType type : EventType.values()) {
      counts.put(this.events.topicOf(type), 0);
    }
    events.forEach(e -> counts.merge(this.events.topicOf(EventType.of(e)), 1, Integer::sum));
    return counts;
  }

  /** Every dead letter so far, as "reason: detail": none are expected from a valid history. */
  public List<String> deadLetters(String bootstrapServers) {
    return TopicReader.readAll(bootstrapServers, topics.deadLetters()).stream()
        .map(r -> header(r.headers(), DeadLetterHeaders.REASON) + ": " + header(r.headers(), DeadLetterHeaders.DETAIL))
        .toList();
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The settings a Vitals instance needs to use these topics ({@code topic.*} keys of ServiceConfig). */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("topic.usage", names.usage());
    settings.put("topic.tickets", names.tickets());
    settings.put("topic.billing", names.billing());
    settings.put("topic.surveys", names.surveys());
    settings.put("topic.accounts", names.accounts());
    settings.put("topic.costs", names.costs());
    settings.put("topic.health", names.health());
    settings.put("topic.alerts", names.alerts());
    settings.put("topic.dlq", names.deadLetters());
    return settings;
  }
}
