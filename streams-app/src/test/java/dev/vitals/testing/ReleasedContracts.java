package dev.vitals.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The released versions of a contract, as the schemas jar ships them ({@code schemas/versions/<Contract>/vN.avsc}
 * on the classpath as {@code vitals/schema-versions/...}): what consumers and producers out there may still hold.
 */
public final class ReleasedContracts {
  private static final String ROOT = "vitals/schema-versions/";

  private ReleasedContracts() {}

  /** Version {@code version} (1-based) of {@code contract}, e.g. ("AccountHealth", 2). */
  public static Schema version(String contract, int version) {
    Schema schema = parse(contract, version);
    if (schema == null) {
      throw new IllegalStateException("missing resource " + resource(contract, version));
    }
    return schema;
  }

  /** Every released version of {@code contract}, oldest first; empty when it was never released. */
  public static List<Schema> all(String contract) {
    List<Schema> versions = new ArrayList<>();
    // Versions are numbered without gaps, so the first missing number ends the list.
    for (Schema next = parse(contract, 1); next != null; next = parse(contract, versions.size() + 1)) {
      versions.add(next);
    }
    return versions;
  }

  private static Schema parse(String contract, int version) {
    try (InputStream in = ReleasedContracts.class.getClassLoader().getResourceAsStream(resource(contract, version))) {
      return in == null ? null : new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String contract, int version) {
    return ROOT + contract + "/v" + version + ".avsc";
  }
}
