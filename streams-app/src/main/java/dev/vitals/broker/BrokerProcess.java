package dev.vitals.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Main class of the embedded broker's JVM: Apache Kafka's own {@code kafka.Kafka} entry point, plus a watch on
 * standard input. The parent holds the other end of that pipe; when the parent exits for any reason, even
 * {@code kill -9}, the pipe closes and this JVM shuts the broker down through Kafka's shutdown hook. So a demo or
 * a test never leaves a broker behind.
 */
public final class BrokerProcess {
  private BrokerProcess() {}

  public static void main(String[] args) {
    Thread parentWatch = new Thread(BrokerProcess::exitWhenParentGoes, "parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
    kafka.Kafka.main(args);
  }

  private static void exitWhenParentGoes() {
    InputStream parent = System.in;
    try {
      while (parent.read() >= 0) {
        // Nothing is ever sent; reading only waits for the end of the stream.
      }
    } catch (IOException e) {
      // A broken pipe means the parent is gone, as does the end of the stream.
    }
    System.exit(0);
  }
}
