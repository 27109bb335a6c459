package dev.vitals.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.json.AvroJson;
import dev.vitals.schema.AccountHealth;
import dev.vitals.topology.StoreNames;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads account health from the {@value StoreNames#ACCOUNT_HEALTH} stores of every instance: a key owned here is
 * read from the local store, a key owned elsewhere is fetched from its owner's REST API (the host:port each
 * instance advertises in {@code application.server}). Lists fan out to every instance.
 */
final class HealthQueries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final InstanceForwarding forwarding;

  HealthQueries(KafkaStreams streams, HostInfo self, InstanceForwarding forwarding) {
    this.streams = streams;
    this.self = self;
    this.forwarding = forwarding;
  }

  /** The account's health as JSON from whichever instance owns it; empty when no instance knows the account. */
  Optional<String> health(String accountId, boolean forwarded) throws IOException, InterruptedException {
    KeyQueryMetadata owner = streams.queryMetadataForKey(StoreNames.ACCOUNT_HEALTH, accountId,
        Serdes.String().serializer());
    HostInfo active = owner.activeHost();
    if (forwarded || active.equals(self) || active.equals(HostInfo.unavailable())) {
      return Optional.ofNullable(localStore().get(accountId)).map(AvroJson::line);
    }
    return forwarding.getTextOrEmpty(active, "/accounts/" + encode(accountId) + "/health");
  }

  /** Every account in {@code band} (all bands when null), from this instance and, unless local, all others. */
  List<JsonNode> byBand(String band, boolean localOnly) throws IOException, InterruptedException {
    List<JsonNode> accounts = new ArrayList<>();
    try (KeyValueIterator<String, AccountHealth> all = localStore().all()) {
      while (all.hasNext()) {
        AccountHealth health = all.next().value;
        if (band == null || band.equals(health.getBand().name())) {
          accounts.add(JSON.readTree(AvroJson.line(health)));
        }
      }
    }
    if (!localOnly) {
      for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
        if (!instance.hostInfo().equals(self)) {
          accounts.addAll(remoteList(instance.hostInfo(), band));
        }
      }
    }
    return accounts;
  }

  private List<JsonNode> remoteList(HostInfo host, String band) throws IOException, InterruptedException {
    String query = band == null ? "" : "band=" + encode(band);
    List<JsonNode> accounts = new ArrayList<>();
    forwarding.get(host, "/accounts?" + query).forEach(accounts::add);
    return accounts;
  }

  private ReadOnlyKeyValueStore<String, AccountHealth> localStore() {
    return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ACCOUNT_HEALTH,
        QueryableStoreTypes.keyValueStore()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
