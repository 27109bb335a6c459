package dev.vitals.topology;

import dev.vitals.agent.AgentHours;
import dev.vitals.agent.AgentWindows;
import dev.vitals.state.stored.StoredAgentHour;
import dev.vitals.state.stored.StoredAgentStep;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;

/**
 * The agent board's branch of the topology (SPEC §3, support agent board):
 *
 * <pre>
 *   de-duplicated account events ─▶ agent attribution (per ticket; key accountId)
 *       ─▶ repartition by agent (vitals-agent-steps) ─▶ hourly windows per agent (vitals-agent-hours)
 * </pre>
 *
 * Per-agent figures are keyed by agent, not account: an agent works on many accounts, which live on many
 * partitions, so the steps are re-keyed and meet in the agent's task. The windows are tumbling hours of event time,
 * closed after the pipeline's grace, and kept for {@link AgentWindows#retention()}; the store is changelogged like
 * every other, so exactly-once covers it.
 */
final class AgentBoardTopology {
  /** Poor ratings are points in time: a minimal window, as the event-id store uses. */
  private static final Duration POINT = Duration.ofMillis(1);

  private AgentBoardTopology() {}

  static void add(StreamsBuilder builder, KStream<String, InboundEvent> events, InternalSerdes serdes,
      Duration grace, AgentWindows windows) {
    Duration retention = windows.retentionWith(grace);
    builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.AGENT_TICKETS), serdes.keys(), serdes.agentTickets())
        .withCachingEnabled());
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(StoreNames.POOR_RATINGS, retention, POINT, false),
        serdes.keys(), serdes.poorRatings()));
    events
        .process(AgentAttribution::new, Named.as("agent-attribution"), StoreNames.AGENT_TICKETS,
            StoreNames.POOR_RATINGS, StoreNames.ERASED_ACCOUNTS)
        .repartition(Repartitioned.<String, StoredAgentStep>as("vitals-agent-steps")
            .withKeySerde(serdes.keys()).withValueSerde(serdes.agentSteps()))
        .groupByKey(Grouped.<String, StoredAgentStep>as("agent-steps-by-agent")
            .withKeySerde(serdes.keys()).withValueSerde(serdes.agentSteps()))
        .windowedBy(TimeWindows.ofSizeAndGrace(AgentWindows.HOUR, grace))
        .aggregate(AgentHours::empty, (agentId, step, hour) -> AgentHours.add(hour, step), Named.as("agent-hours"),
            Materialized.<String, StoredAgentHour>as(
                    Stores.persistentWindowStore(StoreNames.AGENT_HOURS, retention, AgentWindows.HOUR, false))
                .withKeySerde(serdes.keys()).withValueSerde(serdes.agentHours()));
  }
}
