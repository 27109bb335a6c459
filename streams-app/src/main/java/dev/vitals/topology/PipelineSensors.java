package dev.vitals.topology;

import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * Counters of the pipeline's outcomes, registered as Kafka Streams metrics (group {@value #GROUP}) so they travel
 * with the client metrics: {@code KafkaStreams#metrics()} in the service, {@code TopologyTestDriver#metrics()} in
 * tests. Sensors belong to the stream thread, not to a task, and are never removed: a task that moves to another
 * instance must not take its counts along, or the exported counters would go down, which Prometheus reads as a
 * reset and turns into a burst of phantom events. Processors of all the thread's tasks share them.
 */
public final class PipelineSensors {
  public static final String GROUP = "vitals-pipeline";
  public static final String ACCEPTED = "events-accepted-total";
  public static final String REJECTED = "events-rejected-total";
  public static final String DUPLICATES = "events-duplicate-total";
  public static final String EVALUATION_FAILED = "evaluations-failed-total";
  public static final String EMITTED = "health-records-emitted-total";
  public static final String ALERT_TRANSITIONS = "alert-transitions-total";
  public static final String ERASED = "accounts-erased-total";
  /** Event-to-score latency: {@code -bucket} (tag {@code le}, cumulative), {@code -sum} and {@code -count}. */
  public static final String LATENCY = "event-to-score-latency-seconds";
  /** Upper bounds of the latency buckets, in seconds. */
  public static final List<Double> LATENCY_BOUNDS = List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
      300.0);

  private final StreamsMetrics metrics;
  private final String thread;
  // The per-event counters are looked up by topic alone, or held in a field, so counting an event allocates
  // nothing; the rarer ones (rejections, alert transitions) go through the keyed map.
  private final Map<String, Sensor> acceptedByTopic = new HashMap<>();
  private final Map<String, Sensor> duplicatesByTopic = new HashMap<>();
  private final Map<String, Sensor> rare = new HashMap<>();
  private Sensor emitted;
  private Sensor latency;

  /** Called from a processor's {@code init}, which runs on the stream thread that will process its records. */
  PipelineSensors(StreamsMetrics metrics) {
    this.metrics = metrics;
    this.thread = Thread.currentThread().getName();
  }

  void accepted(String topic) {
    Sensor sensor = acceptedByTopic.get(topic);
    if (sensor == null) {
      sensor = counter(ACCEPTED, "Input events accepted by intake", Map.of("topic", topic));
      acceptedByTopic.put(topic, sensor);
    }
    sensor.record();
  }

  void duplicate(String topic) {
    Sensor sensor = duplicatesByTopic.get(topic);
    if (sensor == null) {
      sensor = counter(DUPLICATES, "Input events dropped as re-deliveries of an event id already seen",
          Map.of("topic", topic));
      duplicatesByTopic.put(topic, sensor);
    }
    sensor.record();
  }

  void emitted() {
    if (emitted == null) {
      emitted = counter(EMITTED, "Health records written to the health topic", Map.of());
    }
    emitted.record();
  }

  /** From when the oldest event a health record reflects was appended to when the record was emitted. */
  void latency(long latencyMillis) {
    if (latency == null) {
      latency = latencySensor();
    }
    latency.record(latencyMillis / 1e3);
  }

  void rejected(String topic, RejectReason reason) {
    count(REJECTED, "Input records sent to the dead-letter topic", Map.of("topic", topic, "reason", reason.tag()));
  }

  void erased() {
    count(ERASED, "Accounts erased by a tombstone on the accounts topic", Map.of());
  }

  void evaluationFailed() {
    count(EVALUATION_FAILED,
        "Account evaluations that failed on a defect (logged; retried on the account's next event)",
        Map.of());
  }

  void alertTransition(AlertRule rule, AlertState state) {
    count(ALERT_TRANSITIONS, "Churn alerts raised and resolved",
        Map.of("rule", rule.name(), "state", state.name()));
  }

  private void count(String name, String description, Map<String, String> labels) {
    rare.computeIfAbsent(name + labels, k -> counter(name, description, labels)).record();
  }

  private Sensor counter(String name, String description, Map<String, String> labels) {
    Sensor sensor = sensor(name + labels);
    sensor.add(new MetricName(name, GROUP, description, tags(labels)), new CumulativeCount());
    return sensor;
  }

  private Sensor latencySensor() {
    Sensor sensor = sensor(LATENCY);
    String description = "Event-to-score latency in seconds";
    for (double bound : LATENCY_BOUNDS) {
      sensor.add(new MetricName(LATENCY + "-bucket", GROUP, description + ", events up to le",
          tags(Map.of("le", Double.toString(bound)))), new CountAtMost(bound));
    }
    sensor.add(new MetricName(LATENCY + "-sum", GROUP, description + ", sum", tags(Map.of())), new CumulativeSum());
    sensor.add(new MetricName(LATENCY + "-count", GROUP, description + ", count", tags(Map.of())),
        new CumulativeCount());
    return sensor;
  }

  /** Get-or-create: the thread's other tasks may have made it already. */
  private Sensor sensor(String name) {
    return metrics.addSensor("vitals." + thread + "." + name, Sensor.RecordingLevel.INFO);
  }

  private Map<String, String> tags(Map<String, String> labels) {
    Map<String, String> tags = new HashMap<>(labels);
    tags.put("thread-id", thread);
    return tags;
  }
}
