package dev.vitals.topology;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Counters of one task's pipeline outcomes, registered as Kafka Streams metrics (group {@value #GROUP}) so they
 * travel with the client metrics: {@code KafkaStreams#metrics()} in the service, {@code TopologyTestDriver#metrics()}
 * in tests. Sensors are per task and removed when the task closes, so a rebalance leaves no stale counter behind.
 */
final class PipelineSensors {
  static final String GROUP = "vitals-pipeline";
  static final String REJECTED = "events-rejected-total";
  static final String DUPLICATES = "events-duplicate-total";
  static final String ACCEPTED = "events-accepted-total";
  static final String EVALUATION_FAILED = "evaluations-failed-total";

  private final StreamsMetrics metrics;
  private final TaskId taskId;
  private final String processor;
  private final Map<String, Sensor> sensors = new HashMap<>();

  PipelineSensors(StreamsMetrics metrics, TaskId taskId, String processor) {
    this.metrics = metrics;
    this.taskId = taskId;
    this.processor = processor;
  }

  void accepted(String topic) {
    count(ACCEPTED, "Input events accepted by intake", Map.of("topic", topic));
  }

  void rejected(String topic, RejectReason reason) {
    count(REJECTED, "Input records sent to the dead-letter topic", Map.of("topic", topic, "reason", reason.tag()));
  }

  void duplicate(String topic) {
    count(DUPLICATES, "Input events dropped as re-deliveries of an event id already seen", Map.of("topic", topic));
  }

  void evaluationFailed() {
    count(EVALUATION_FAILED,
        "Account evaluations that failed on a defect (logged; retried on the account's next event)",
        Map.of());
  }

  void close() {
    sensors.values().forEach(metrics::removeSensor);
    sensors.clear();
  }

  private void count(String name, String description, Map<String, String> labels) {
    String key = name + labels;
    sensors.computeIfAbsent(key, k -> register(name, description, labels)).record();
  }

  private Sensor register(String name, String description, Map<String, String> labels) {
    Map<String, String> tags = new HashMap<>(labels);
    tags.put("task-id", taskId.toString());
    String sensorName = "vitals." + taskId + "." + processor + "." + name + tags;
    Sensor sensor = metrics.addSensor(sensorName, Sensor.RecordingLevel.INFO);
    sensor.add(new MetricName(name, GROUP, description, tags), new CumulativeCount());
    return sensor;
  }
}
