package dev.vitals.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What a soak watches, read from outside the pipeline: the group's lag as the broker sees it (end offsets of the
 * input topics minus the offsets the group committed), the process's live heap and resident memory, and the ERROR
 * log events of every logger in the process (Micrometer's Logback binder counts them); and, to explain what it
 * sees, the pipeline's own strain ({@link SoakStrain}).
 */
final class SoakProbe implements AutoCloseable {
  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  private final Admin admin;
  private final String groupId;
  private final List<String> inputTopics;
  private final long committedAtStart;
  private final SimpleMeterRegistry logEvents = new SimpleMeterRegistry();
  private final LogbackMetrics logback = new LogbackMetrics();
  private final KafkaStreams streams;
  private final MachineCpu machine;
  private long gcMillisBefore = SoakStrain.gcMillisSoFar();
  private MachineCpu.Reading cpuBefore;

  SoakProbe(BenchCluster cluster, String groupId, KafkaStreams streams) {
    this.admin = cluster.admin();
    this.streams = streams;
    this.machine = new MachineCpu(cluster.brokerPid());
    this.cpuBefore = machine.read();
    this.groupId = groupId;
    this.inputTopics = cluster.inputTopics();
    logback.bindTo(logEvents);
    keepHeapCommitted();
    this.committedAtStart = committed();
  }

  /** A sample; {@code collect} runs a full GC first to read the live heap (once a minute is plenty). */
  SoakSample sample(LiveFeed feed, SoakPlan plan, boolean collect) {
    Map<TopicPartition, Long> ends = GroupProgress.offsets(admin, inputTopics, OffsetSpec.latest());
    long committed = committed();
    long end = ends.values().stream().mapToLong(Long::longValue).sum();
    long liveHeap = collect ? StateFootprint.heapAfterGc() : -1;
    java.time.Duration at = feed.elapsed();
    return new SoakSample(at, plan.phaseAt(at), feed.sent(), committed - committedAtStart,
        Math.max(0, end - committed), liveHeap, residentBytes(),
        (long) logEvents.counter("logback.events", "level", "error").count(), strain());
  }

  private SoakStrain strain() {
    long gcMillis = SoakStrain.gcMillisSoFar();
    MachineCpu.Reading cpu = machine.read();
    SoakStrain strain = SoakStrain.of(MachineCpu.Shares.between(cpuBefore, cpu), streams.metrics(),
        gcMillis - gcMillisBefore);
    gcMillisBefore = gcMillis;
    cpuBefore = cpu;
    return strain;
  }

  /**
   * After each of this probe's forced full collections G1 handed the heap back to the system (1.8 GiB committed
   * down to 0.6), and the pipeline then faulted it back in: a JFR recording of a soak showed the lag peaking right
   * after every collection. The pipeline itself never asks for a full collection, so keeping the heap committed
   * (MaxHeapFreeRatio, a flag settable at run time) takes the probe's own disturbance out of what it measures.
   */
  private static void keepHeapCommitted() {
    try {
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).setVMOption("MaxHeapFreeRatio", "100");
    } catch (RuntimeException e) {
      // Not a HotSpot JVM, or the flag is not manageable there: the soak measures as it is.
    }
  }

  /** Input records committed by the group, all partitions: the offsets themselves, as every input starts at 0. */
  private long committed() {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        GroupProgress.get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
    return offsets.entrySet().stream()
        .filter(e -> inputTopics.contains(e.getKey().topic()) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset()).sum();
  }

  /** VmRSS from /proc, in bytes; -1 on a system without it. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(PROC_STATUS, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    logback.close();
    logEvents.close();
    admin.close();
  }
}
