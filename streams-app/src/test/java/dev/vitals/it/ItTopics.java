package dev.vitals.it;

import dev.vitals.runtime.TopicLayout;
import dev.vitals.runtime.TopicProvisioner;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.EventTopics;
import dev.vitals.topology.TopicNames;
import dev.vitals.topology.Topics;
import java.util.LinkedHashMap;
import java.util.Map;

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
