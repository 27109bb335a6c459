package dev.vitals.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Where a soaking pipeline's time may have gone at one sample, so that a lag excursion can be told apart by its
 * cause rather than guessed at: the machine's processors taken by something else (another process or the
 * hypervisor), garbage collection, a slow commit or punctuation of the stream threads (Kafka Streams' own latency
 * maxima, over its metrics' sample window), or RocksDB busy compacting (its running compactions and flushes, and
 * stores whose writes it is delaying or has stopped). RocksDB's pending-compaction estimate is left out: it is
 * level compaction's, and Kafka Streams' stores compact universally, where it stays 0. Printed with each sample;
 * the verdicts do not use it.
 *
 * @param cpu who had the machine's processors since the previous sample
 * @param gcMillis time spent in garbage collection since the previous sample (the sample's own forced GC included)
 * @param commitLatencyMaxMs the slowest commit of any stream thread in the recent window
 * @param punctuateLatencyMaxMs the slowest punctuation (evaluation of pending accounts) in the recent window
 * @param compactionsAndFlushes RocksDB compactions and memtable flushes running, all stores
 * @param stalledStores stores whose writes RocksDB is delaying or has stopped
 */
record SoakStrain(MachineCpu.Shares cpu, long gcMillis, double commitLatencyMaxMs, double punctuateLatencyMaxMs,
    long compactionsAndFlushes, int stalledStores) {

  static final SoakStrain UNKNOWN = new SoakStrain(MachineCpu.Shares.UNKNOWN, -1, -1, -1, -1, -1);

  String describe() {
    return String.format("  cpu %%: this %.0f broker %.0f other %.0f iowait %.0f steal %.0f  gc %,d ms"
            + "  commit max %,.0f ms  punctuate max %,.0f ms  compactions and flushes %d  stalled stores %d",
        cpu.self(), cpu.broker(), cpu.other(), cpu.iowait(), cpu.steal(), gcMillis, commitLatencyMaxMs,
        punctuateLatencyMaxMs, compactionsAndFlushes, stalledStores);
  }

  /** Total collection time of every collector of this JVM so far. */
  static long gcMillisSoFar() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  /** Reads Kafka Streams' thread and RocksDB metrics (the latter are recorded at the default INFO level). */
  static SoakStrain of(MachineCpu.Shares cpu, Map<MetricName, ? extends Metric> metrics, long gcMillis) {
    double commit = 0;
    double punctuate = 0;
    long running = 0;
    Set<Map<String, String>> stalled = new HashSet<>();
    for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
      String group = metric.getKey().group();
      String name = metric.getKey().name();
      double value = number(metric.getValue());
      if (group.equals("stream-thread-metrics")) {
        commit = name.equals("commit-latency-max") ? Math.max(commit, value) : commit;
        punctuate = name.equals("punctuate-latency-max") ? Math.max(punctuate, value) : punctuate;
      } else if (group.equals("stream-state-metrics")) {
        switch (name) {
          case "num-running-compactions", "num-running-flushes" -> running += (long) value;
          case "actual-delayed-write-rate", "is-write-stopped" -> {
            if (value > 0) {
              stalled.add(metric.getKey().tags());
            }
          }
          default -> { }
        }
      }
    }
    return new SoakStrain(cpu, gcMillis, commit, punctuate, running, stalled.size());
  }

  /** A metric's value as a number; NaN (no sample yet in the window) and non-numbers count as zero. */
  private static double number(Metric metric) {
    Object value = metric.metricValue();
    return value instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : 0;
  }
}
