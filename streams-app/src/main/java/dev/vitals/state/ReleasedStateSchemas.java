package dev.vitals.state;

import dev.vitals.schema.AccountHealth;
import dev.vitals.state.stored.StoredSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The writer schemas of the state format versions before the current one, for the records that changed since: a
 * value stored by an earlier release is decoded with the schema it was written with and resolved onto the current
 * one (Avro schema resolution), so an upgrade reads the state it finds. A record not listed here is written the
 * same way in every version.
 *
 * <p>Version 1 to 2: the summary gained each source's latest event time, and the health view's {@code
 * AccountHealth} its {@code freshness} (data freshness, SPEC §8). Version 2 to 3: {@code AccountHealth} gained its
 * {@code adoption} values (onboarding and help articles); the ledger gained entry kinds (first uses, article days),
 * new keys whose records no earlier version wrote.
 */
final class ReleasedStateSchemas {
  /** Resources of this module and of the schemas jar, by record class; read once, on first use. */
  private static final Map<Class<?>, String> VERSION_1 = Map.of(
      StoredSummary.class, "vitals/state-versions/v1/StoredSummary.avsc",
      AccountHealth.class, "vitals/schema-versions/AccountHealth/v1.avsc");
  private static final Map<Class<?>, String> VERSION_2 = Map.of(
      AccountHealth.class, "vitals/schema-versions/AccountHealth/v2.avsc");

  private ReleasedStateSchemas() {}

  /** The schema {@code type} was written with in format {@code version}; null when it is the current one. */
  static Schema writerSchema(int version, Class<?> type) {
    Map<Class<?>, String> written = version == 1 ? VERSION_1 : version == 2 ? VERSION_2 : Map.of();
    String resource = written.get(type);
    if (resource == null) {
      return null;
    }
    try (InputStream in = ReleasedStateSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " (the released state schema)");
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
