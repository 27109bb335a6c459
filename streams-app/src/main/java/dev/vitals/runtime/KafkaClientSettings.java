package dev.vitals.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings every Kafka client of Vitals starts from: where the cluster is, plus the {@code kafka.*}
 * pass-through (security protocol, SASL, TLS, tuning). Kafka Streams (and through it its consumers, producers
 * and admin, the dead-letter writes included), the topic provisioner's admin and the event publisher all begin
 * here, so a cluster that asks for SASL_SSL gets it from each of them or from none.
 */
public final class KafkaClientSettings {
  private KafkaClientSettings() {}

  public static Map<String, Object> of(String bootstrapServers, Map<String, String> passThrough) {
    Map<String, Object> settings = new HashMap<>(passThrough);
    settings.put("bootstrap.servers", bootstrapServers);
    return settings;
  }
}
