package dev.vitals.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.schema.HealthBand;
import dev.vitals.topology.StoreNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** Accounts by band and open alerts, read from this instance's health store, for the demo's progress line. */
record BandCounts(Map<HealthBand, Integer> accounts, int openAlerts) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static BandCounts of(KafkaStreams streams) {
    Map<HealthBand, Integer> bands = new EnumMap<>(HealthBand.class);
    for (HealthBand band : HealthBand.values()) {
      bands.put(band, 0);
    }
    int alerts = 0;
    var store = streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ACCOUNT_HEALTH,
        QueryableStoreTypes.<String, String>keyValueStore()));
    try (KeyValueIterator<String, String> all = store.all()) {
      while (all.hasNext()) {
        JsonNode health = JSON.readTree(all.next().value);
        bands.merge(HealthBand.valueOf(health.path("band").asText()), 1, Integer::sum);
        alerts += health.path("openAlerts").size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BandCounts(bands, alerts);
  }

  boolean everyBandSeen() {
    return accounts.values().stream().allMatch(count -> count > 0);
  }

  @Override
  public String toString() {
    return accounts.get(HealthBand.HEALTHY) + " healthy, " + accounts.get(HealthBand.NEUTRAL) + " neutral, "
        + accounts.get(HealthBand.AT_RISK) + " at risk; " + openAlerts + " open alerts";
  }
}
