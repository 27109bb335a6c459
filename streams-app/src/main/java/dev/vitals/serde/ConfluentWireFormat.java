package dev.vitals.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent framing of a Kafka record value or key: one magic byte 0, the writer schema's
 * registry id as a 4-byte big-endian int, then the Avro binary encoding of the datum. Producers in
 * every language that use Confluent's serializers write exactly this, so this is what makes Vitals
 * interoperate with them.
 */
public final class ConfluentWireFormat {

  /** The only framing version Confluent has defined. */
  public static final byte MAGIC_BYTE = 0;

  /** Magic byte plus schema id. */
  public static final int HEADER_SIZE = 1 + Integer.BYTES;

  private ConfluentWireFormat() {}

  /** Writes the header for {@code schemaId} at the start of {@code target}. */
  static void writeHeader(ByteBuffer target, int schemaId) {
    target.put(MAGIC_BYTE).putInt(schemaId); // ByteBuffer is big-endian by default
  }

  /**
   * {@code avroBody} framed with {@code schemaId}: what any Confluent producer writes. For tools and tests that
   * write bytes a serializer would not (another writer schema, an unregistered id).
   */
  public static byte[] frame(int schemaId, byte[] avroBody) {
    ByteBuffer framed = ByteBuffer.allocate(HEADER_SIZE + avroBody.length);
    writeHeader(framed, schemaId);
    return framed.put(avroBody).array();
  }

  /** True when {@code data} is long enough to hold a header and starts with the magic byte. */
  static boolean isFramed(byte[] data) {
    return data != null && data.length >= HEADER_SIZE && data[0] == MAGIC_BYTE;
  }

  /** The schema id of framed {@code data}; call {@link #isFramed} first. */
  static int schemaId(byte[] data) {
    return ByteBuffer.wrap(data, 1, Integer.BYTES).getInt();
  }
}
