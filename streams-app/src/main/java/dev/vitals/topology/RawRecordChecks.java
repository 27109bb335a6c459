package dev.vitals.topology;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks on a record's raw bytes, made before anything is decoded: its key must be an id (present, not empty, short,
 * UTF-8: decoding leniently would silently turn bad bytes into U+FFFD and give another account's key), and its value
 * must be of a size an event can have. The broker refuses records over its {@code max.message.bytes} (1 MiB by
 * default) before Vitals ever sees them; the bound here is Vitals' own and far below that.
 *
 * <p>One instance per intake processor: it keeps a UTF-8 decoder, which is not thread-safe.
 */
public final class RawRecordChecks {
  /** Account ids and cost centre names are short; a key longer than this is not one. */
  public static final int MAX_KEY_BYTES = 256;
  /** The largest event of the contract (a profile with many key features, a long survey comment) is a few KiB. */
  public static final int MAX_VALUE_BYTES = 64 * 1024;

  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** A key that cannot be an account id (or cost centre), and why. */
  Optional<EventChecks.Refusal> invalidKey(byte[] key) {
    if (key == null) {
      return refuse("no key: the key must be the event's accountId");
    }
    if (key.length == 0) {
      return refuse("empty key: the key must be the event's accountId");
    }
    if (key.length > MAX_KEY_BYTES) {
      return refuse("oversized key of " + key.length + " bytes, over the limit of " + MAX_KEY_BYTES);
    }
    if (isAscii(key)) {
      return Optional.empty();
    }
    try {
      utf8.reset().decode(ByteBuffer.wrap(key));
    } catch (CharacterCodingException e) {
      return refuse("non-UTF-8 key of " + key.length + " bytes (" + hex(key) + ")");
    }
    return Optional.empty();
  }

  /** Account ids are ASCII in practice: those keys are valid UTF-8 without a decoder and its buffer per record. */
  private static boolean isAscii(byte[] key) {
    for (byte b : key) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** A value larger than any event. */
  Optional<EventChecks.Refusal> oversized(byte[] value) {
    if (value == null || value.length <= MAX_VALUE_BYTES) {
      return Optional.empty();
    }
    return Optional.of(new EventChecks.Refusal(RejectReason.OVERSIZED,
        "value of " + value.length + " bytes, over the limit of " + MAX_VALUE_BYTES));
  }

  private static Optional<EventChecks.Refusal> refuse(String detail) {
    return Optional.of(new EventChecks.Refusal(RejectReason.INVALID_KEY, detail));
  }

  private static String hex(byte[] key) {
    StringBuilder text = new StringBuilder();
    for (byte b : key) {
      text.append(String.format("%02x", b & 0xff));
    }
    return text.toString();
  }
}
