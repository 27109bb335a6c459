package dev.vitals.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import dev.vitals.state.StateFormatException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a processor throws (Kafka Streams' processing exception handler). Three cases:
 *
 * <ul>
 *   <li>stored state this release cannot read ({@link StateFormatException}): fail, and the instance stops;
 *   <li>a retriable error, such as a schema-registry outage, is not the record's fault: fail, so the stream thread
 *       is replaced and the task retries from its last commit (see {@link #isRetriable});
 *   <li>any other error on a record is a defect that would repeat on every retry: dead-letter the record's source
 *       bytes ({@code processing_error}, with the exception in the detail) and go on, so one bad record cannot
 *       stop the pipeline or loop;
 *   <li>more than {@link #BUDGET} such errors within {@link #BUDGET_WINDOW}: the defect is not in one record but in
 *       the code, and dead-lettering the whole input would be worse than stopping. Fail; the service's uncaught
 *       exception handler then shuts the client down instead of replacing the thread.
 * </ul>
 */
public final class ProcessingErrorPolicy implements ProcessingExceptionHandler {
  /** Configuration key of the dead-letter topic's name (set by the service from its topic names). */
  public static final String DEAD_LETTER_TOPIC_CONFIG = "vitals.dead.letter.topic";
  /** Configuration key of the {@link ProcessingErrorCounts} the service exports (an object, not a string). */
  public static final String COUNTS_CONFIG = "vitals.processing.error.counts";
  static final int BUDGET = 20;
  static final Duration BUDGET_WINDOW = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(ProcessingErrorPolicy.class);

  private final Clock clock;
  private final Deque<Instant> recentErrors = new ArrayDeque<>();
  private String deadLetterTopic = TopicNames.defaults().deadLetters();
  private ProcessingErrorCounts counts = new ProcessingErrorCounts();

  public ProcessingErrorPolicy() {
    this(Clock.systemUTC());
  }

  ProcessingErrorPolicy(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(DEAD_LETTER_TOPIC_CONFIG);
    if (topic != null) {
      deadLetterTopic = topic.toString();
    }
    if (configs.get(COUNTS_CONFIG) instanceof ProcessingErrorCounts shared) {
      counts = shared;
    }
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (isRetriable(exception)) {
      return Response.fail();
    }
    if (causedBy(exception, StateFormatException.class)) {
      // Stored state this release cannot read: dead-lettering input would lose it; stop instead.
      log.error("stored state cannot be read; stopping rather than dead-lettering input", exception);
      return Response.fail();
    }
    if (overBudget()) {
      log.error("{} processing errors within {}: stopping rather than dead-lettering the input; last one in {} at "
          + "{}-{}@{}", BUDGET + 1, BUDGET_WINDOW, context.processorNodeId(), context.topic(), context.partition(),
          context.offset(), exception);
      return Response.fail();
    }
    log.warn("processor {} failed on {}-{}@{}; the record goes to {} and processing goes on",
        context.processorNodeId(), context.topic(), context.partition(), context.offset(), deadLetterTopic, exception);
    if (context.sourceRawValue() == null) {
      // A punctuation (no input record) failed: nothing to dead-letter; the budget still counts it.
      return Response.resume();
    }
    counts.record(context.topic());
    DeadLetter letter = new DeadLetter(RejectReason.PROCESSING_ERROR,
        context.processorNodeId() + ": " + exception, context.topic(), context.partition(), context.offset(),
        context.sourceRawKey(), context.sourceRawValue());
    return Response.resume(List.of(new ProducerRecord<>(deadLetterTopic, null, context.timestamp(), letter.key(),
        letter.value(), letter.headers(null))));
  }

  /** True when {@code error} or one of its causes is retriable (a registry or broker that is briefly away). */
  public static boolean isRetriable(Throwable error) {
    return causedBy(error, RetriableException.class);
  }

  ProcessingErrorCounts counts() {
    return counts;
  }

  static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private boolean overBudget() {
    Instant now = clock.instant();
    recentErrors.addLast(now);
    while (recentErrors.peekFirst().isBefore(now.minus(BUDGET_WINDOW))) {
      recentErrors.removeFirst();
    }
    return recentErrors.size() > BUDGET;
  }
}
