package dev.vitals.demo;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.HealthBand;
import dev.vitals.topology.StoreNames;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** Accounts by band and open alerts, read from this instance's health store, for the demo's progress line. */
record BandCounts(Map<HealthBand, Integer> accounts, int openAlerts) {
  static BandCounts of(KafkaStreams streams) {
    Map<HealthBand, Integer> bands = new EnumMap<>(HealthBand.class);
    for (HealthBand band : HealthBand.values()) {
      bands.put(band, 0);
    }
    int alerts = 0;
    var store = streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ACCOUNT_HEALTH,
        QueryableStoreTypes.<String, AccountHealth>keyValueStore()));
    try (KeyValueIterator<String, AccountHealth> all = store.all()) {
      while (all.hasNext()) {
        AccountHealth health = all.next().value;
        bands.merge(health.getBand(), 1, Integer::sum);
        alerts += health.getOpenAlerts().size();
      }
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
