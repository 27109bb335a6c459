package dev.vitals.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.serde.SchemaRegistryUnavailableException;
import dev.vitals.state.StateFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class ProcessingErrorPolicyTest {
  private static final byte[] KEY = "acme".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALUE = {0, 0, 0, 0, 1, 42};

  private final MutableClock clock = new MutableClock();
  private final ProcessingErrorPolicy policy = new ProcessingErrorPolicy(clock);

  @Test
  void shouldDeadLetterTheSourceBytesOfARecordAProcessorFailedOnAndGoOn() {
    policy.configure(Map.of(ProcessingErrorPolicy.DEAD_LETTER_TOPIC_CONFIG, "team.dlq"));

    Response response = policy.handleError(context(), record(), new IllegalStateException("bug"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
      assertThat(letter.topic()).isEqualTo("team.dlq");
      assertThat(letter.key()).isEqualTo(KEY);
      assertThat(letter.value()).isEqualTo(VALUE);
      assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("processing_error");
      assertThat(header(letter, DeadLetterHeaders.DETAIL)).isEqualTo("account-health: java.lang.IllegalStateException: bug");
      assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("vitals.usage");
      assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("17");
    });
  }

  @Test
  void shouldFailForRetryWhenTheRegistryIsDownRatherThanDeadLetter() {
    Exception outage = new RuntimeException(new SchemaRegistryUnavailableException("refused"));

    Response response = policy.handleError(context(), record(), outage);

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void shouldStopRatherThanDeadLetterWhenStoredStateCannotBeRead() {
    Exception unreadable = new IllegalStateException(new StateFormatException("state format version 2", null));

    Response response = policy.handleError(context(), record(), unreadable);

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void shouldStopWhenErrorsRepeatBeyondTheBudgetWithinAMinute() {
    for (int i = 0; i < ProcessingErrorPolicy.BUDGET; i++) {
      assertThat(policy.handleError(context(), record(), new IllegalStateException("bug")).result())
          .isEqualTo(Result.RESUME);
    }

    assertThat(policy.handleError(context(), record(), new IllegalStateException("bug")).result())
        .isEqualTo(Result.FAIL);
  }

  @Test
  void shouldForgiveErrorsOlderThanTheBudgetWindow() {
    for (int i = 0; i < ProcessingErrorPolicy.BUDGET; i++) {
      policy.handleError(context(), record(), new IllegalStateException("bug"));
    }
    clock.advance(ProcessingErrorPolicy.BUDGET_WINDOW.plusSeconds(1));

    assertThat(policy.handleError(context(), record(), new IllegalStateException("bug")).result())
        .isEqualTo(Result.RESUME);
  }

  @Test
  void shouldCountEachDeadLetteredRecordByTopicInTheCountsTheServiceHandsIn() {
    ProcessingErrorCounts counts = new ProcessingErrorCounts();
    policy.configure(Map.of(ProcessingErrorPolicy.COUNTS_CONFIG, counts));

    policy.handleError(context(), record(), new IllegalStateException("bug"));
    policy.handleError(context(), record(), new RuntimeException(new SchemaRegistryUnavailableException("down")));

    // the retriable failure is retried, not dead-lettered, so it is not counted
    assertThat(counts.count("vitals.usage")).isEqualTo(1);
    assertThat(counts.count("vitals.tickets")).isZero();
  }

  @Test
  void shouldReceiveTheCountsObjectThroughTheStreamsConfiguration() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .peek((key, value) -> {
          throw new IllegalStateException("bug");
        }, Named.as("failing"));
    ProcessingErrorCounts counts = new ProcessingErrorCounts();
    Properties properties = new Properties();
    properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ProcessingErrorPolicy.class.getName());
    properties.put(ProcessingErrorPolicy.COUNTS_CONFIG, counts);

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties)) {
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer()).pipeInput("acme", "event");
    }

    assertThat(counts.count("in")).isEqualTo(1);
  }

  private static Record<String, String> record() {
    return new Record<>("acme", "event", 0L);
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override public String topic() { return "vitals.usage"; }
      @Override public int partition() { return 2; }
      @Override public long offset() { return 17; }
      @Override public Headers headers() { return new RecordHeaders(); }
      @Override public String processorNodeId() { return "account-health"; }
      @Override public TaskId taskId() { return new TaskId(0, 2); }
      @Override public long timestamp() { return 1_000L; }
      @Override public byte[] sourceRawKey() { return KEY; }
      @Override public byte[] sourceRawValue() { return VALUE; }
    };
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-30T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }
}
