package dev.vitals.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.agent.AgentBoard;
import dev.vitals.agent.AgentFigures;
import dev.vitals.agent.AgentJson;
import dev.vitals.agent.PoorRatings;
import dev.vitals.state.stored.StoredAgentHour;
import dev.vitals.state.stored.StoredPoorRating;
import dev.vitals.topology.StoreNames;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads the agent board from the {@value StoreNames#AGENT_HOURS} and {@value StoreNames#POOR_RATINGS} stores of every
 * instance. The hourly windows are partitioned by agent: one agent is read from its owner (forwarded as {@code
 * /accounts/{id}/health} is), the leaderboard and the poor ratings fan out to every instance, each answering from its
 * local stores only. The coordinating instance fixes the range's end before fanning out, so every instance sums the
 * same hours.
 */
final class AgentQueries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<JsonNode> LEADERBOARD =
      Comparator.<JsonNode>comparingLong(n -> n.path("ticketsResolved").asLong()).reversed()
          .thenComparing(n -> n.path("fcr").isNull() ? -1 : n.path("fcr").asDouble(), Comparator.reverseOrder())
          .thenComparing(n -> n.path("agentId").asText());

  private final KafkaStreams streams;
  private final HostInfo self;
  private final InstanceForwarding forwarding;
  private final Clock clock;

  AgentQueries(KafkaStreams streams, HostInfo self, InstanceForwarding forwarding, Clock clock) {
    this.streams = streams;
    this.self = self;
    this.forwarding = forwarding;
    this.clock = clock;
  }

  /** The leaderboard over {@code range}: {@code {"from", "until", "agents": [...]}}. */
  ObjectNode leaderboard(AgentRange range, boolean localOnly) throws IOException, InterruptedException {
    AgentBoard board = new AgentBoard(hours());
    AgentRange fixed = range.endingAt(board.streamTime().orElseGet(clock::instant));
    List<JsonNode> agents = new ArrayList<>();
    board.leaderboard(fixed.span(), fixed.until()).forEach(figures -> agents.add(AgentJson.figures(figures)));
    if (!localOnly) {
      for (HostInfo other : otherInstances()) {
        JsonNode remote = forwarding.get(other, "/agents?" + fixed.query());
        remote.path("agents").forEach(agents::add);
      }
    }
    agents.sort(LEADERBOARD);
    ObjectNode body = JSON.createObjectNode()
        .put("from", fixed.until().minus(fixed.span()).toString())
        .put("until", fixed.until().toString());
    ArrayNode list = body.putArray("agents");
    agents.forEach(list::add);
    return body;
  }

  /** One agent's figures over {@code range}, from the instance that owns it; empty when it has no hour there. */
  Optional<JsonNode> agent(String agentId, AgentRange range, boolean forwarded)
      throws IOException, InterruptedException {
    KeyQueryMetadata owner = streams.queryMetadataForKey(StoreNames.AGENT_HOURS, agentId,
        Serdes.String().serializer());
    HostInfo active = owner.activeHost();
    if (forwarded || active.equals(self) || active.equals(HostInfo.unavailable())) {
      AgentBoard board = new AgentBoard(hours());
      AgentRange fixed = range.endingAt(board.streamTime().orElseGet(clock::instant));
      Optional<AgentFigures> figures = board.agent(agentId, fixed.span(), fixed.until());
      return figures.map(f -> AgentJson.figures(f)
          .put("from", fixed.until().minus(fixed.span()).toString())
          .put("until", fixed.until().toString()));
    }
    return forwarding.getOrEmpty(active, "/agents/" + URLEncoder.encode(agentId, StandardCharsets.UTF_8) + "?"
        + range.query());
  }

  /** The {@code limit} latest CSAT answers of 1 or 2 over every instance, latest first, comments included. */
  ArrayNode poorRatings(int limit, boolean localOnly) throws IOException, InterruptedException {
    List<StoredPoorRating> local;
    try (KeyValueIterator<Windowed<String>, StoredPoorRating> all = poorRatingStore().all()) {
      local = PoorRatings.latest(new ValueIterator<>(all), limit);
    }
    List<JsonNode> ratings = new ArrayList<>();
    local.forEach(rating -> ratings.add(AgentJson.poorRating(rating)));
    if (!localOnly) {
      for (HostInfo other : otherInstances()) {
        forwarding.get(other, "/tickets/poor-ratings?limit=" + limit).forEach(ratings::add);
      }
    }
    ratings.sort(Comparator.<JsonNode, Instant>comparing(n -> Instant.parse(n.path("answeredAt").asText()))
        .reversed().thenComparing(n -> n.path("accountId").asText()));
    ArrayNode body = JSON.createArrayNode();
    ratings.stream().limit(limit).forEach(body::add);
    return body;
  }

  private List<HostInfo> otherInstances() {
    List<HostInfo> others = new ArrayList<>();
    for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
      if (!instance.hostInfo().equals(self)) {
        others.add(instance.hostInfo());
      }
    }
    return others;
  }

  private ReadOnlyWindowStore<String, StoredAgentHour> hours() {
    return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.AGENT_HOURS,
        QueryableStoreTypes.windowStore()));
  }

  private ReadOnlyWindowStore<String, StoredPoorRating> poorRatingStore() {
    return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.POOR_RATINGS,
        QueryableStoreTypes.windowStore()));
  }

  /** The values of a window store's entries. */
  private record ValueIterator<V>(KeyValueIterator<Windowed<String>, V> entries) implements Iterator<V> {
    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    public V next() {
      return entries.next().value;
    }
  }
}
