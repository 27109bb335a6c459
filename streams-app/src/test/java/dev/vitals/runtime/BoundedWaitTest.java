package dev.vitals.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded wait: returns once its condition holds, fails naming what never came, passes the check's failure. */
class BoundedWaitTest {
  private static final Duration EVERY = Duration.ofMillis(1);

  @Test
  void shouldReturnOnceTheConditionHolds() throws Exception {
    AtomicInteger checks = new AtomicInteger();

    BoundedWait.until(Duration.ofSeconds(10), EVERY, "never", () -> checks.incrementAndGet() == 3);

    assertThat(checks).hasValue(3);
  }

  @Test
  void shouldFailSayingWhatNeverCameOnceTheTimeIsUp() {
    assertThatThrownBy(() -> BoundedWait.until(Duration.ofMillis(20), EVERY, "topics [a] have no leader", () -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("topics [a] have no leader after PT0.02S");
  }

  @Test
  void shouldPassOnWhatTheCheckThrows() {
    IOException refused = new IOException("refused");

    assertThatThrownBy(() -> BoundedWait.until(Duration.ofSeconds(10), EVERY, "never", () -> {
      throw refused;
    })).isSameAs(refused);
  }
}
