package dev.vitals.demo;

import dev.vitals.runtime.EventPublisher;
import dev.vitals.schema.UsageEvent;
import dev.vitals.simulate.HistorySimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's upstream services: first the simulated history up to now, as fast as the broker takes it, then live
 * usage at the configured rate until stopped.
 */
final class DemoFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);

  private final HistorySimulator history;
  private final EventPublisher publisher;
  private final double liveEventsPerSecond;
  private final LiveActivity live;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Thread thread = new Thread(this::run, "demo-feed");
  private volatile boolean historyDone;
  private volatile long liveEvents;

  DemoFeed(HistorySimulator history, EventPublisher publisher, double liveEventsPerSecond) {
    this.history = history;
    this.publisher = publisher;
    this.liveEventsPerSecond = liveEventsPerSecond;
    this.live = new LiveActivity(history.seed());
  }

  DemoFeed start() {
    thread.start();
    return this;
  }

  boolean historyDone() {
    return historyDone;
  }

  long published() {
    return publisher.sent();
  }

  long liveEvents() {
    return liveEvents;
  }

  private void run() {
    try {
      publishHistory();
      publishLive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("the demo feed stopped: {}", e.getMessage());
    }
  }

  private void publishHistory() {
    for (SpecificRecord event : history) {
      if (stop.getCount() == 0) {
        return;
      }
      if (event instanceof UsageEvent usage) {
        live.learn(usage);
      }
      publisher.publish(event);
    }
    publisher.flush();
    live.settle(history.archetypes());
    historyDone = true;
  }

  private void publishLive() throws InterruptedException {
    if (liveEventsPerSecond <= 0) {
      return;
    }
    long pauseNanos = (long) (Duration.ofSeconds(1).toNanos() / liveEventsPerSecond);
    // Each pause is a bounded wait on the stop signal: stopping never waits for more than one pause.
    while (!stop.await(pauseNanos, TimeUnit.NANOSECONDS)) {
      UsageEvent event = live.next(Instant.now());
      if (event == null) {
        return;
      }
      publisher.publish(event);
      liveEvents++;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop.countDown();
    thread.join(Duration.ofSeconds(15).toMillis());
    publisher.close();
  }
}
