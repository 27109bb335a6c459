package dev.vitals.topology;

import dev.vitals.events.EventType;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Where each kind of input event goes and how its value is framed: for producers, replay and tests. */
public final class EventTopics {
  private final Map<EventType, String> names = new EnumMap<>(EventType.class);
  private final Map<EventType, Serializer<SpecificRecord>> serializers = new EnumMap<>(EventType.class);

  public EventTopics(Topics topics) {
    register(EventType.USAGE, topics.usage());
    register(EventType.TICKET, topics.tickets());
    register(EventType.BILLING, topics.billing());
    register(EventType.SURVEY, topics.surveys());
    register(EventType.ACCOUNT, topics.accounts());
    register(EventType.COST, topics.costs());
  }

  @SuppressWarnings("unchecked")
  private <T extends SpecificRecord> void register(EventType type, Topic<String, T> topic) {
    names.put(type, topic.name());
    // One cast here so that any event can be framed through one method; each serializer only sees its own type.
    serializers.put(type, (Serializer<SpecificRecord>) topic.value().serializer());
  }

  public String topicOf(EventType type) {
    return names.get(type);
  }

  /** The Confluent-framed Avro value of {@code event} for its topic. */
  public byte[] serialize(SpecificRecord event) {
    EventType type = EventType.of(event);
    return serializers.get(type).serialize(names.get(type), event);
  }
}
