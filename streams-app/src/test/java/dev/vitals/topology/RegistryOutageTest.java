package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.UsageEvent;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.MockSchemaRegistry;
import dev.vitals.serde.SchemaRegistry;
import dev.vitals.serde.SchemaRegistryUnavailableException;
import dev.vitals.testing.PipelineDriver;
import java.util.OptionalInt;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * A registry outage is not the record's fault: the record must be retried, never dead-lettered or dropped. On the
 * test driver the failure surfaces as an exception from the pipeline (in the service the stream thread is replaced
 * and the task resumes from its last commit).
 */
class RegistryOutageTest {

  /** A registry that knows the schemas but can be switched off. */
  private static final class FlakyRegistry implements SchemaRegistry {
    private final MockSchemaRegistry registry = new MockSchemaRegistry("outage-test");
    private volatile boolean down;

    @Override
    public int register(String subject, Schema schema) {
      return registry.register(subject, schema);
    }

    @Override
    public OptionalInt lookup(String subject, Schema schema) {
      return registry.lookup(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
      if (down) {
        throw new SchemaRegistryUnavailableException("registry at 127.0.0.1:1 refused the connection");
      }
      return registry.schemaById(id);
    }
  }

  @Test
  void shouldFailTheRecordForRetryInsteadOfDeadLetteringItWhenTheRegistryIsDown() {
    FlakyRegistry registry = new FlakyRegistry();
    try (PipelineDriver pipeline = new PipelineDriver(ScoringConfig.defaults(), registry)) {
      UsageEvent event = login("acme", "2026-03-02T10:00:00Z", "ana");
      byte[] framed = pipeline.serialize(event);
      registry.down = true;

      assertThatThrownBy(() -> pipeline.sendRaw("vitals.usage", "acme", framed))
          .hasRootCauseInstanceOf(SchemaRegistryUnavailableException.class);

      assertThat(pipeline.deadLetters()).isEmpty();
      assertThat(pipeline.counter("events-rejected-total", java.util.Map.of())).isZero();
    }
  }
}
