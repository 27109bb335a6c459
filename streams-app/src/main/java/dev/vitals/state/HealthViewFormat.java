package dev.vitals.state;

import dev.vitals.schema.AccountHealth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * The health view's values: {@link AccountHealth} records in the state format. The record is a public contract that
 * gains optional fields (the adoption values did); a view written by the release before one is still read, with the
 * released schema as the writer's (Avro resolution gives the new fields their defaults), so an upgrade neither
 * crashes on the restored view nor needs the view rebuilt. Format version 1 names no writer schema of its own: a
 * value the current schema cannot read to its end is one of the released contract's (v1 of
 * {@code schemas/versions/AccountHealth}). Not thread-safe, like {@link StateFormat}.
 */
public final class HealthViewFormat {
  private static final String RELEASED = "vitals/schema-versions/AccountHealth/v1.avsc";

  private final StateFormat format = new StateFormat();
  private SpecificDatumReader<AccountHealth> releasedReader;
  private BinaryDecoder decoder;

  public byte[] encode(AccountHealth health) {
    return format.encode(health);
  }

  public AccountHealth decode(byte[] bytes) {
    try {
      return format.decode(bytes, AccountHealth.class);
    } catch (StateFormatException current) {
      if (bytes.length == 0 || bytes[0] != StateFormat.VERSION) {
        throw current;
      }
      try {
        decoder = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, decoder);
        return released().read(null, decoder);
      } catch (IOException | RuntimeException released) {
        current.addSuppressed(released);
        throw current;
      }
    }
  }

  private SpecificDatumReader<AccountHealth> released() {
    if (releasedReader == null) {
      try (InputStream in = HealthViewFormat.class.getClassLoader().getResourceAsStream(RELEASED)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RELEASED);
        }
        releasedReader = new SpecificDatumReader<>(new Schema.Parser().parse(in), AccountHealth.getClassSchema());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return releasedReader;
  }
}
