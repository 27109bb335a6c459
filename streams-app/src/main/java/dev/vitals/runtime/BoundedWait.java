package dev.vitals.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * Polls a condition until it holds, for at most a given time, then fails saying what never came: the bounded wait
 * of code that must see the broker settle (topic leaders elected, SCRAM users known) before it goes on.
 */
public final class BoundedWait {
  /** A check that may fail the way the client it asks fails (a Kafka future's {@code get}, say). */
  @FunctionalInterface
  public interface Condition<E extends Exception> {
    boolean holds() throws E, InterruptedException;
  }

  private BoundedWait() {}

  /**
   * Returns once {@code condition} holds; throws {@link IllegalStateException} with {@code unmet} ("… after
   * {@code within}") once {@code within} has passed without it, and what the condition throws as it is.
   */
  public static <E extends Exception> void until(Duration within, Duration every, String unmet,
      Condition<E> condition) throws E, InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (!condition.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(unmet + " after " + within);
      }
      Thread.sleep(every.toMillis());
    }
  }
}
