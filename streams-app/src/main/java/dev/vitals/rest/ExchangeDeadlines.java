package dev.vitals.rest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API's few worker threads, each exchange on a deadline. The JDK's server reads a request's line and headers
 * on the worker, with a blocking read and no limit of its own: four clients that send half a request and stall would
 * hold all four workers for ever. So a watch interrupts any worker still reading its request after
 * {@code requestLimit} (a real client sends a GET's headers in milliseconds), or still busy with one exchange after
 * {@code exchangeLimit} (a client that stops reading its answer). The socket channel is interruptible: the interrupt
 * closes the connection, the JDK drops the exchange, and the worker is free again.
 *
 * <p>Why not the JDK's {@code sun.net.httpserver.maxReqTime}/{@code maxRspTime}: they are JVM-wide system properties,
 * read once when the first server of the JVM starts, so whatever started one first (a test's, a library's) would
 * decide silently. These limits belong to this server alone.
 */
final class ExchangeDeadlines implements Executor, AutoCloseable {
  /** How long a worker may wait for a request's line and headers. */
  static final Duration REQUEST_LIMIT = Duration.ofSeconds(10);
  /** How long one exchange may take in all: above the 30 s a portfolio report may wait for other instances. */
  static final Duration EXCHANGE_LIMIT = Duration.ofSeconds(120);
  private static final Duration CHECK_EVERY = Duration.ofMillis(200);

  private final long requestLimitNanos;
  private final long exchangeLimitNanos;
  private final ExecutorService workers;
  private final ScheduledExecutorService watch;
  private final Map<Thread, Exchange> running = new ConcurrentHashMap<>();

  ExchangeDeadlines(int threads, Duration requestLimit, Duration exchangeLimit) {
    this.requestLimitNanos = requestLimit.toNanos();
    this.exchangeLimitNanos = exchangeLimit.toNanos();
    this.workers = Executors.newFixedThreadPool(threads, runnable -> daemon(runnable, "vitals-http"));
    this.watch = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "vitals-http-deadlines"));
    watch.scheduleWithFixedDelay(this::interruptOverdue, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void execute(Runnable task) {
    workers.execute(() -> {
      Thread worker = Thread.currentThread();
      Exchange exchange = new Exchange(System.nanoTime());
      running.put(worker, exchange);
      try {
        task.run();
      } finally {
        synchronized (exchange) {
          exchange.done = true;
          running.remove(worker);
          // An interrupt meant for this exchange must not reach the worker's next one.
          Thread.interrupted();
        }
      }
    });
  }

  /** Called by the handler: the request is read, so from now on only the exchange's own limit applies. */
  void requestRead() {
    Exchange exchange = running.get(Thread.currentThread());
    if (exchange != null) {
      exchange.handling = true;
    }
  }

  private void interruptOverdue() {
    long now = System.nanoTime();
    running.forEach((worker, exchange) -> {
      long limit = exchange.handling ? exchangeLimitNanos : requestLimitNanos;
      if (now - exchange.started > limit) {
        synchronized (exchange) {
          if (!exchange.done && !exchange.interrupted) {
            exchange.interrupted = true;
            worker.interrupt();
          }
        }
      }
    });
  }

  @Override
  public void close() {
    watch.shutdownNow();
    workers.shutdownNow();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private static final class Exchange {
    final long started;
    volatile boolean handling;
    boolean interrupted;
    boolean done;

    Exchange(long started) {
      this.started = started;
    }
  }
}
