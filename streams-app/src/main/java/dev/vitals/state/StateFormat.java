package dev.vitals.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The binary format of every stored state value: one format-version byte, then the Avro binary encoding of the
 * value's record (schemas in {@code src/main/avro/state}). The version byte is what lets a later release read what
 * this one wrote: it names the writer schemas, and Avro's schema resolution maps them onto the reader's. Not
 * thread-safe: one instance per stream task (it reuses its buffer and coders).
 */
public final class StateFormat {
  /**
   * Version 3: the health view's record carries the adoption values (onboarding, help articles). Version 2 (the
   * summary keeps each source's latest event time, the health view's record its freshness) and version 1 (the
   * schemas as first released) are still read ({@link ReleasedStateSchemas}).
   */
  public static final byte VERSION = 3;
  /** The oldest version this release reads. */
  public static final byte OLDEST_READ = 1;

  private final Map<Class<?>, SpecificDatumWriter<?>> writers = new HashMap<>();
  private final Map<Class<?>, SpecificDatumReader<?>> readers = new HashMap<>();
  /** Readers of values written by an earlier version, by version and type; made on first need. */
  private final Map<Integer, Map<Class<?>, SpecificDatumReader<?>>> olderReaders = new HashMap<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;

  @SuppressWarnings("unchecked")
  public <T extends SpecificRecord> byte[] encode(T record) {
    SpecificDatumWriter<T> writer = (SpecificDatumWriter<T>) writers.computeIfAbsent(record.getClass(),
        type -> new SpecificDatumWriter<>(record.getSchema()));
    buffer.reset();
    buffer.write(VERSION);
    encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  @SuppressWarnings("unchecked")
  public <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) {
    if (bytes.length == 0 || bytes[0] < OLDEST_READ || bytes[0] > VERSION) {
      throw new StateFormatException("stored " + type.getSimpleName() + " has state format version "
          + (bytes.length == 0 ? "none" : bytes[0]) + "; this release reads versions " + OLDEST_READ + " to "
          + VERSION + " (state written by another release: reset the application and reprocess, see"
          + " docs/operations.md)", null);
    }
    SpecificDatumReader<T> reader = bytes[0] == VERSION
        ? (SpecificDatumReader<T>) readers.computeIfAbsent(type, t -> new SpecificDatumReader<>(type))
        : olderReader(bytes[0], type);
    decoder = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, decoder);
    try {
      return reader.read(null, decoder);
    } catch (IOException e) {
      throw new StateFormatException("corrupt stored " + type.getSimpleName(), e);
    }
  }

  /** A reader resolving what {@code version} wrote onto the current class. */
  @SuppressWarnings("unchecked")
  private <T extends SpecificRecord> SpecificDatumReader<T> olderReader(int version, Class<T> type) {
    return (SpecificDatumReader<T>) olderReaders.computeIfAbsent(version, v -> new HashMap<>())
        .computeIfAbsent(type, t -> {
          SpecificDatumReader<T> reader = new SpecificDatumReader<>(type);
          Schema written = ReleasedStateSchemas.writerSchema(version, type);
          if (written != null) {
            reader.setSchema(written);
            reader.setExpected(reader.getSpecificData().getSchema(type));
          }
          return reader;
        });
  }
}
