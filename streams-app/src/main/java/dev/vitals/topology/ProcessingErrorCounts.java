package dev.vitals.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records dead-lettered by {@link ProcessingErrorPolicy}, by source topic. The policy is Kafka Streams' exception
 * handler, built by class name outside any processor, so it cannot reach the stream thread's sensors; the service
 * hands it this object through the Streams configuration ({@link ProcessingErrorPolicy#COUNTS_CONFIG}) and exports it
 * as {@code vitals_events_rejected_total{reason="processing_error"}}. Counts only grow while the process lives.
 */
public final class ProcessingErrorCounts {
  private final Map<String, LongAdder> byTopic = new ConcurrentHashMap<>();

  public void record(String topic) {
    byTopic.computeIfAbsent(topic, t -> new LongAdder()).increment();
  }

  public long count(String topic) {
    LongAdder count = byTopic.get(topic);
    return count == null ? 0 : count.sum();
  }
}
