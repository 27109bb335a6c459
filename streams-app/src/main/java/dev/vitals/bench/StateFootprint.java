package dev.vitals.bench;

import dev.vitals.state.EntryKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the pipeline keeps per account, read from where Kafka keeps it: every changelog topic of the application
 * ({@code <application.id>-<store>-changelog}), compacted in memory as the log cleaner would (latest value per key,
 * a tombstone removes the key), grouped by account.
 *
 * <p>A store key belongs to an account when the key, read as UTF-8 up to its first {@code \u001F} (the whole key
 * when there is none), is one of the backlog's accounts. That takes in per-account keys ({@code acc-0001}) and
 * composite ones ({@code acc-0001\u001F2026-11-30}) and leaves out what is not per account: event ids, the event
 * clock, cost centres.
 *
 * @param accounts accounts with at least one entry in some store
 * @param median serialised bytes (keys and values) per account
 * @param medianByStore per store, the median of its bytes per account (0 for an account with nothing in it)
 * @param changelogBytes bytes the application's producer wrote to its changelogs, every record, before compaction
 */
record StateFootprint(int accounts, long median, long p99, long max, Map<String, Long> medianByStore,
    long changelogBytes) {

  static StateFootprint measure(BenchCluster cluster, String applicationId, KafkaStreams streams,
      Collection<String> backlogAccounts, Duration timeout) {
    String prefix = applicationId + "-";
    String suffix = "-changelog";
    long written = Backlog.bytesWritten(streams.metrics(), topic -> topic.startsWith(prefix) && topic.endsWith(suffix));
    Map<String, Map<String, Long>> perAccount = perAccount(cluster, prefix, suffix, new HashSet<>(backlogAccounts),
        timeout);
    long[] sizes = perAccount.values().stream()
        .mapToLong(byStore -> byStore.values().stream().mapToLong(Long::longValue).sum())
        .sorted()
        .toArray();
    Map<String, Long> medianByStore = new TreeMap<>();
    perAccount.values().stream().flatMap(byStore -> byStore.keySet().stream()).distinct().forEach(changelog -> {
      long[] inStore = perAccount.values().stream().mapToLong(byStore -> byStore.getOrDefault(changelog, 0L))
          .sorted().toArray();
      String store = changelog.substring(prefix.length(), changelog.length() - suffix.length());
      medianByStore.put(store, Percentiles.of(inStore, 0.50));
    });
    return new StateFootprint(sizes.length, Percentiles.of(sizes, 0.50), Percentiles.of(sizes, 0.99),
        Percentiles.of(sizes, 1.0), medianByStore, written);
  }

  /** Bytes of every file under {@code dir}: RocksDB's files, checkpoints and locks (the last two are tiny). */
  static long bytesOnDisk(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + dir, e);
    }
  }

  /** Heap in use after a full collection: what the running instance holds, not what it has yet to collect. */
  static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Per account, the bytes of its live entries in each changelog. */
  private static Map<String, Map<String, Long>> perAccount(BenchCluster cluster, String prefix, String suffix,
      Set<String> accounts, Duration timeout) {
    List<String> changelogs;
    try (Admin admin = cluster.admin()) {
      changelogs = GroupProgress.get(admin.listTopics().names()).stream()
          .filter(topic -> topic.startsWith(prefix) && topic.endsWith(suffix))
          .sorted()
          .toList();
    }
    // Per account: each live store entry (changelog and key) and its size; the key bytes are kept as ISO-8859-1
    // text, which maps every byte to one char, so distinct keys stay distinct.
    Map<String, Map<String, Integer>> entries = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader(cluster)) {
      List<TopicPartition> partitions = changelogs.stream()
          .flatMap(topic -> consumer.partitionsFor(topic).stream())
          .map(info -> new TopicPartition(info.topic(), info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plus(timeout);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("could not read the changelogs " + changelogs + " within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(entries, accounts, record);
        }
      }
    }
    Map<String, Map<String, Long>> sizes = new HashMap<>();
    entries.forEach((account, live) -> live.forEach((entry, size) -> sizes.computeIfAbsent(account, a -> new HashMap<>())
        .merge(entry.substring(0, entry.indexOf('\u0000')), (long) size, Long::sum)));
    return sizes;
  }

  private static void apply(Map<String, Map<String, Integer>> entries, Set<String> accounts,
      ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      return;
    }
    String account = accountOf(record.key());
    if (!accounts.contains(account)) {
      return;
    }
    String entry = record.topic() + '\u0000' + new String(record.key(), StandardCharsets.ISO_8859_1);
    if (record.value() == null) {
      Map<String, Integer> live = entries.get(account);
      if (live != null) {
        live.remove(entry);
      }
    } else {
      entries.computeIfAbsent(account, a -> new HashMap<>()).put(entry, record.key().length + record.value().length);
    }
  }

  static String accountOf(byte[] key) {
    return EntryKey.accountOf(new String(key, StandardCharsets.UTF_8));
  }

  /** Read-committed: records of aborted transactions never became state. */
  private static KafkaConsumer<byte[], byte[]> committedReader(BenchCluster cluster) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
