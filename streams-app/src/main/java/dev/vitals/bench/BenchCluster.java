package dev.vitals.bench;

import dev.vitals.broker.EmbeddedKafka;
import dev.vitals.runtime.LoopbackPorts;
import dev.vitals.runtime.ServiceConfig;
import dev.vitals.runtime.StreamsSettings;
import dev.vitals.runtime.TopicLayout;
import dev.vitals.runtime.TopicProvisioner;
import dev.vitals.runtime.VitalsService;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.MockSchemaRegistryScope;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.EventTopics;
import dev.vitals.topology.TopicNames;
import dev.vitals.topology.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The bench's world, set up as {@code demo} sets up its own: a real single-node broker on 127.0.0.1, Vitals' topics,
 * and an in-process schema registry ({@code mock://}), so the bench needs no Java 21 runtime for Apicurio. The
 * registry is not on the measured path: serdes cache schema ids after the first record.
 *
 * <p>Input and health topics use broker append time, so freshness is measured from one clock (the broker's) at both
 * ends: a health record is otherwise stamped with the event time it reflects.
 */
final class BenchCluster implements AutoCloseable {
  private final Path home;
  private final int partitions;
  private final int streamThreads;
  private final String registryName = "vitals-bench-" + UUID.randomUUID();
  private final TopicNames names = TopicNames.defaults();
  private final EmbeddedKafka kafka;
  private final VitalsSerdes serdes;
  private final Topics topics;

  private BenchCluster(Path home, int partitions, int streamThreads) {
    this.home = home;
    this.partitions = partitions;
    this.streamThreads = streamThreads;
    this.kafka = new EmbeddedKafka(home.resolve("kafka"), 0).start();
    this.serdes = VitalsSerdes.mock(registryName);
    this.topics = Topics.of(names, serdes);
  }

  static BenchCluster start(Path home, int partitions, int streamThreads) {
    BenchCluster cluster = new BenchCluster(home, partitions, streamThreads);
    try {
      TopicProvisioner.ensure(cluster.bootstrapServers(), Map.of(), TopicLayout.of(cluster.names, partitions, (short) 1));
      List<String> appendTimed = new ArrayList<>(cluster.inputTopics());
      appendTimed.add(cluster.names.health());
      cluster.useAppendTime(appendTimed);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The broker's process id, for a look at what it costs the machine. */
  long brokerPid() {
    return kafka.pid();
  }

  int partitions() {
    return partitions;
  }

  TopicNames names() {
    return names;
  }

  Topics topics() {
    return topics;
  }

  EventTopics eventTopics() {
    return new EventTopics(topics);
  }

  /** Every topic upstream services write: the backlog's topics. */
  List<String> inputTopics() {
    return List.of(names.usage(), names.tickets(), names.billing(), names.surveys(), names.accounts(), names.costs());
  }

  /** Stream threads of every Streams run (pipeline and pass-through alike). */
  int streamThreads() {
    return streamThreads;
  }

  /** Each run has a state folder of its own, so a run never starts from another's state. */
  Path stateDir(String applicationId) {
    return home.resolve("state").resolve(applicationId);
  }

  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** The configuration {@code run} would build for {@code applicationId}, plus {@code kafka.*} overrides. */
  ServiceConfig serviceConfig(String applicationId, Map<String, String> kafkaOverrides) {
    int port = LoopbackPorts.free();
    Map<String, String> settings = new TreeMap<>();
    settings.put("application.id", applicationId);
    settings.put("bootstrap.servers", bootstrapServers());
    settings.put("schema.registry.url", "mock://" + registryName);
    settings.put("state.dir", stateDir(applicationId).toString());
    settings.put("http.port", Integer.toString(port));
    settings.put("application.server", "127.0.0.1:" + port);
    settings.put("kafka.num.stream.threads", Integer.toString(streamThreads));
    kafkaOverrides.forEach((key, value) -> settings.put("kafka." + key, value));
    return ServiceConfig.fromSettings(settings, "bench");
  }

  /** A Vitals instance with the default scoring model, not started. */
  VitalsService service(String applicationId, Map<String, String> kafkaOverrides) {
    return new VitalsService(serviceConfig(applicationId, kafkaOverrides), ScoringConfig.defaults(), serdes);
  }

  /**
   * The commit interval the service runs with by default, read from the service's own Streams settings so the
   * at-least-once run can match it whatever the service chooses.
   */
  CommitInterval serviceCommitInterval() {
    Properties properties = StreamsSettings.of(serviceConfig("bench-probe", Map.of()));
    return new CommitInterval(new StreamsConfig(properties).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
  }

  /** The service's commit interval. */
  record CommitInterval(long millis) {}

  private void useAppendTime(Collection<String> topicNames) {
    AlterConfigOp appendTime = new AlterConfigOp(
        new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"), AlterConfigOp.OpType.SET);
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
    topicNames.forEach(name -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, name), List.of(appendTime)));
    try (Admin admin = admin()) {
      admin.incrementalAlterConfigs(changes).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot set LogAppendTime on the bench topics: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while configuring topics", e);
    }
  }

  @Override
  public void close() {
    kafka.stop();
    MockSchemaRegistryScope.drop(registryName);
  }
}
