package dev.vitals.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops the child processes of the embedded default. Each watches its standard input (the broker in its own main
 * class, the registry through a shell watchdog), so closing our end of that pipe is the polite way to stop it; a
 * child that does not stop in time is killed.
 */
public final class ChildProcesses {
  private ChildProcesses() {}

  /** Closes the child's standard input, waits up to {@code patience}, then kills it; true when it stopped itself. */
  public static boolean stop(Process child, Duration patience) {
    try {
      child.getOutputStream().close();
      if (child.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
      child.destroyForcibly().waitFor();
    } catch (IOException e) {
      child.destroyForcibly();
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
