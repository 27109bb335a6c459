package dev.vitals.it;

import dev.vitals.broker.EmbeddedKafka;
import dev.vitals.registry.EmbeddedRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * One real Kafka broker (KRaft) and one real schema registry (Apicurio) on 127.0.0.1 for every broker-backed test
 * class of the run: started by the first class that asks, stopped when the whole run ends (JUnit closes resources of
 * the root store then). Tests isolate themselves by topic names and application ids, not by clusters.
 *
 * <pre>
 *   {@literal @}ExtendWith(SharedCluster.class)
 *   class SomethingIT {
 *     static SharedCluster.Cluster cluster = SharedCluster.cluster();  // after the extension has run
 * </pre>
 */
public final class SharedCluster implements BeforeAllCallback {
  private static final Namespace NAMESPACE = Namespace.create(SharedCluster.class);

  /** The running cluster; valid once a test class extended with SharedCluster has started. */
  private static volatile Cluster current;

  @Override
  public void beforeAll(ExtensionContext context) {
    current = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Cluster.class, key -> Cluster.start(), Cluster.class);
  }

  public static Cluster cluster() {
    if (current == null) {
      throw new IllegalStateException("annotate the test class with @ExtendWith(SharedCluster.class)");
    }
    return current;
  }

  /** The broker and the registry, closed together. */
  public record Cluster(Path home, EmbeddedKafka kafka, EmbeddedRegistry registry)
      implements ExtensionContext.Store.CloseableResource {

    static Cluster start() {
      try {
        Path home = Files.createTempDirectory("vitals-it");
        EmbeddedKafka kafka = new EmbeddedKafka(home.resolve("kafka"), 0).start();
        EmbeddedRegistry registry = EmbeddedRegistry.start(home.resolve("registry"), System.getenv());
        return new Cluster(home, kafka, registry);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String bootstrapServers() {
      return kafka.bootstrapServers();
    }

    public String registryUrl() {
      return registry.url();
    }

    @Override
    public void close() {
      registry.close();
      kafka.stop();
    }
  }
}
