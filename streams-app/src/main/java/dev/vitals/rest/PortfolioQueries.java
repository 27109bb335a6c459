package dev.vitals.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vitals.kpi.KpiPeriod;
import dev.vitals.kpi.PortfolioKpis;
import dev.vitals.kpi.PortfolioShare;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The portfolio report across every instance ({@code GET /kpis}), the same numbers as {@code replay}'s kpis.json
 * on the same events. Each instance owns some accounts, so the instance asked gathers in two rounds: first every
 * instance's event clock (the report is as of the latest, as replay's is as of the last event of the history),
 * then every instance's {@link PortfolioShare} as of that instant; the shares are counts and sums and merge
 * exactly. Forwarded requests carry {@link InstanceForwarding#FORWARDED_HEADER} and are answered from local state.
 */
final class PortfolioQueries {
  static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final double grossMargin;
  private final InstanceForwarding forwarding;

  PortfolioQueries(KafkaStreams streams, HostInfo self, double grossMargin, InstanceForwarding forwarding) {
    this.streams = streams;
    this.self = self;
    this.grossMargin = grossMargin;
    this.forwarding = forwarding;
  }

  /** The whole report over {@code period}, from every instance. */
  PortfolioKpis report(KpiPeriod period) throws IOException, InterruptedException {
    LocalPortfolio local = LocalPortfolio.of(streams, self);
    List<HostInfo> others = otherInstances();
    Instant asOf = local.clock().orElse(Instant.EPOCH);
    for (HostInfo host : others) {
      Instant clock = JSON.readValue(get(host, "/kpis/clock"), InstanceClock.class).clock();
      if (clock != null && clock.isAfter(asOf)) {
        asOf = clock;
      }
    }
    PortfolioShare share = local.share(asOf, period);
    for (HostInfo host : others) {
      String query = "/kpis/share?period=" + period.days() + "&asOf=" + encode(asOf.toString());
      share = share.plus(JSON.readValue(get(host, query), PortfolioShare.class));
    }
    return PortfolioKpis.of(share, grossMargin);
  }

  /** This instance's clock, for an instance gathering a report. */
  String localClock() throws IOException {
    Optional<Instant> clock = LocalPortfolio.of(streams, self).clock();
    return JSON.writeValueAsString(new InstanceClock(clock.orElse(null)));
  }

  /** This instance's share as of {@code asOf}, for an instance gathering a report. */
  String localShare(Instant asOf, KpiPeriod period) throws IOException {
    return JSON.writeValueAsString(LocalPortfolio.of(streams, self).share(asOf, period));
  }

  /** An instance's latest usage event time; null before its first. */
  record InstanceClock(Instant clock) {}

  private List<HostInfo> otherInstances() {
    List<HostInfo> hosts = new ArrayList<>();
    for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
      if (!instance.hostInfo().equals(self)) {
        hosts.add(instance.hostInfo());
      }
    }
    return hosts;
  }

  private String get(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
    return forwarding.getText(host, pathAndQuery, FORWARD_TIMEOUT);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
