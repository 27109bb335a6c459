package dev.vitals.testing;

import dev.vitals.events.EventType;
import dev.vitals.serde.ConfluentWireFormat;
import dev.vitals.serde.SchemaRegistry;
import dev.vitals.topology.EventTopics;
import dev.vitals.topology.RawRecordChecks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A deterministic corpus of bad input records (see {@link BadInput}) made from a good history: each bad record is a
 * good event of the history spoiled in one way only, so it must get exactly one dead-letter reason. The same seed
 * and history always give the same bytes; writer schemas it needs are registered under subjects of its own
 * ({@code <topic>-corpus-...}), never under the topics' subjects.
 */
public final class BadInputCorpus {
  private static final List<byte[]> MALFORMED_UTF8 = List.of(new byte[] {(byte) 0xff},
      new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xe2, 0x28, (byte) 0xa1},
      new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf});

  private final SplittableRandom random;
  private final EventTopics topics;
  private final SchemaRegistry registry;
  private final Duration grace;
  private final Instant producedAt;
  private final Map<EventType, List<SpecificRecord>> byType = new EnumMap<>(EventType.class);
  private final Map<String, Integer> writerIds = new HashMap<>();
  private long made;

  /**
   * @param history the good events the bad ones are made from (and published beside)
   * @param grace the pipeline's grace period, which too-late events must be older than
   * @param producedAt about when the records are produced: future events are far later than that
   */
  public BadInputCorpus(long seed, EventTopics topics, SchemaRegistry registry, Duration grace, Instant producedAt,
      List<SpecificRecord> history) {
    this.random = new SplittableRandom(seed);
    this.topics = topics;
    this.registry = registry;
    this.grace = grace;
    this.producedAt = producedAt;
    history.forEach(event -> byType.computeIfAbsent(EventType.of(event), t -> new ArrayList<>()).add(event));
  }

  /** A good history and bad records mixed in: publish {@code good}, then {@code bad}, chunk after chunk. */
  public record Chunk(List<SpecificRecord> good, List<BadRecord> bad) {}

  /**
   * {@code badRecords} bad records spread evenly over the input topics and over {@code chunks} slices of the
   * history. A too-late record comes after (in a later or the same chunk) the good event of the same account and
   * topic it is too late for.
   */
  public List<Chunk> mix(List<SpecificRecord> history, int badRecords, int chunks) {
    List<EventType> inputs = List.of(EventType.values());
    Map<EventType, List<SpecificRecord>> delivered = new EnumMap<>(EventType.class);
    List<Chunk> mixed = new ArrayList<>();
    int count = 0;
    for (int c = 0; c < chunks; c++) {
      List<SpecificRecord> good = history.subList(history.size() * c / chunks, history.size() * (c + 1) / chunks);
      good.forEach(event -> delivered.computeIfAbsent(EventType.of(event), t -> new ArrayList<>()).add(event));
      List<BadRecord> bad = new ArrayList<>();
      for (int end = badRecords * (c + 1) / chunks; count < end; count++) {
        EventType type = inputs.get(count % inputs.size());
        BadInput kind = pick(type, delivered.containsKey(type));
        List<SpecificRecord> templates = kind.needsEarlierEvent() ? delivered.get(type) : byType.get(type);
        bad.add(make(kind, templates.get(random.nextInt(templates.size()))));
      }
      mixed.add(new Chunk(List.copyOf(good), bad));
    }
    return mixed;
  }

  /** A weighted choice among the kinds that occur on the topic of {@code type}. */
  private BadInput pick(EventType type, boolean earlierEventDelivered) {
    List<BadInput> kinds = Arrays.stream(BadInput.values())
        .filter(k -> k.occursOn(type) && (earlierEventDelivered || !k.needsEarlierEvent())).toList();
    int draw = random.nextInt(kinds.stream().mapToInt(BadInput::weight).sum());
    for (BadInput kind : kinds) {
      draw -= kind.weight();
      if (draw < 0) {
        return kind;
      }
    }
    throw new IllegalStateException("weights add up");
  }

  /**
   * One bad record of {@code kind}, made from the good event {@code template} and sent to its topic. For
   * {@link BadInput#TOO_LATE} the template must have been delivered before it, on the same topic.
   */
  public BadRecord make(BadInput kind, SpecificRecord template) {
    EventType type = EventType.of(template);
    if (!kind.occursOn(type)) {
      throw new IllegalArgumentException(kind + " does not occur on the " + type + " topic");
    }
    String topic = topics.topicOf(type);
    SpecificRecord event = copy(template);
    set(event, "eventId", "bad-" + (made++) + "-" + Long.toHexString(random.nextLong()));
    byte[] key = EventType.accountId(template).getBytes(StandardCharsets.UTF_8);
    byte[] value = switch (kind) {
      case RANDOM_BYTES -> randomBytes();
      case EMPTY_VALUE -> new byte[0];
      case TRUNCATED_AVRO -> truncated(topics.serialize(event));
      case WRONG_MAGIC_BYTE -> wrongMagic(topics.serialize(event));
      case UNKNOWN_SCHEMA_ID -> ConfluentWireFormat.frame(1_000_000_000 + random.nextInt(1_000_000_000),
          body(topics.serialize(event)));
      case OTHER_RECORD_TYPE -> topics.serialize(otherType(type));
      case MISSING_FIELD -> withoutRequiredField(topic, event);
      case UNKNOWN_ENUM_SYMBOL -> withUnknownSymbol(topic, event);
      case OUT_OF_RANGE_SCORE -> topics.serialize(set(event, "score",
          random.nextBoolean() ? 11 + random.nextInt(1000) : -1 - random.nextInt(1000)));
      case NEGATIVE_AMOUNT -> topics.serialize(negativeAmount(type, event));
      case FUTURE_TIMESTAMP -> topics.serialize(set(event, "occurredAt",
          producedAt.plus(Duration.ofDays(1)).plusSeconds(random.nextLong(3650L * 86_400))));
      case TOO_LATE -> topics.serialize(set(event, "occurredAt", EventType.occurredAt(template).minus(grace)
          .minus(Duration.ofMinutes(1)).minusSeconds(random.nextLong(30L * 86_400))));
      case OVERSIZED_RECORD -> topics.serialize(set(event, "eventId",
          "x".repeat(RawRecordChecks.MAX_VALUE_BYTES + 1 + random.nextInt(32 * 1024))));
      case TOMBSTONE -> null;
      default -> topics.serialize(event); // the key kinds: a good value, a bad key
    };
    key = switch (kind) {
      case MISSING_KEY -> null;
      case EMPTY_KEY -> new byte[0];
      case OVERSIZED_KEY -> (EventType.accountId(template) + "k".repeat(RawRecordChecks.MAX_KEY_BYTES
          + random.nextInt(2048))).getBytes(StandardCharsets.UTF_8);
      case NON_UTF8_KEY -> withMalformedUtf8(key);
      case KEY_MISMATCH -> otherKey(type, EventType.accountId(template));
      default -> key;
    };
    return new BadRecord(kind, topic, key, value);
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[1 + random.nextInt(256)];
    random.nextBytes(bytes);
    bytes[0] = (byte) (1 + random.nextInt(255)); // never the magic byte: that would be an unknown schema id
    return bytes;
  }

  /** Cut anywhere after the header: the body then always ends before its record does. */
  private byte[] truncated(byte[] framed) {
    return Arrays.copyOf(framed, ConfluentWireFormat.HEADER_SIZE
        + random.nextInt(framed.length - ConfluentWireFormat.HEADER_SIZE));
  }

  private byte[] wrongMagic(byte[] framed) {
    framed[0] = (byte) (1 + random.nextInt(255));
    return framed;
  }

  private static byte[] body(byte[] framed) {
    return Arrays.copyOfRange(framed, ConfluentWireFormat.HEADER_SIZE, framed.length);
  }

  /** A good event of another input type (so the framing names another record type's schema id). */
  private SpecificRecord otherType(EventType type) {
    EventType other = EventType.values()[(type.ordinal() + 1 + random.nextInt(EventType.values().length - 1))
        % EventType.values().length];
    List<SpecificRecord> events = byType.get(other);
    return events.get(random.nextInt(events.size()));
  }

  private byte[] withoutRequiredField(String topic, SpecificRecord event) {
    Schema contract = event.getSchema();
    List<String> required = ForeignWriters.requiredFields(contract);
    String dropped = required.get(random.nextInt(required.size()));
    Schema writer = ForeignWriters.without(contract, dropped);
    int id = writerId(topic + "-corpus-without-" + dropped + "-value", writer);
    return ConfluentWireFormat.frame(id,
        ForeignWriters.rewrite(contract, body(topics.serialize(event)), writer, null, null));
  }

  private byte[] withUnknownSymbol(String topic, SpecificRecord event) {
    Schema contract = event.getSchema();
    String field = ForeignWriters.requiredEnumField(contract);
    Schema writer = ForeignWriters.withUnknownSymbol(contract, field);
    int id = writerId(topic + "-corpus-unknown-symbol-value", writer);
    return ConfluentWireFormat.frame(id, ForeignWriters.rewrite(contract, body(topics.serialize(event)), writer,
        field, ForeignWriters.UNKNOWN_SYMBOL));
  }

  private int writerId(String subject, Schema writer) {
    return writerIds.computeIfAbsent(subject, s -> registry.register(s, writer));
  }

  private SpecificRecord negativeAmount(EventType type, SpecificRecord event) {
    long amount = -1 - random.nextInt(1_000_000);
    return switch (type) {
      case USAGE -> set(event, "count", (int) amount);
      case BILLING -> set(event, random.nextBoolean() ? "mrrCents" : "amountCents", amount);
      case COST -> set(event, "amountCents", amount);
      default -> throw new IllegalArgumentException("no count or amount on " + type);
    };
  }

  private byte[] withMalformedUtf8(byte[] key) {
    byte[] bad = MALFORMED_UTF8.get(random.nextInt(MALFORMED_UTF8.size()));
    int at = random.nextInt(key.length + 1);
    byte[] spoiled = new byte[key.length + bad.length];
    System.arraycopy(key, 0, spoiled, 0, at);
    System.arraycopy(bad, 0, spoiled, at, bad.length);
    System.arraycopy(key, at, spoiled, at + bad.length, key.length - at);
    return spoiled;
  }

  /** Another account's id (another cost centre's on costs): a valid key, but not this event's. */
  private byte[] otherKey(EventType type, String accountId) {
    List<SpecificRecord> events = byType.get(type);
    for (int tries = 0; tries < 20; tries++) {
      String other = EventType.accountId(events.get(random.nextInt(events.size())));
      if (!other.equals(accountId)) {
        return other.getBytes(StandardCharsets.UTF_8);
      }
    }
    return (accountId + "-elsewhere").getBytes(StandardCharsets.UTF_8);
  }

  private static SpecificRecord copy(SpecificRecord event) {
    return ((SpecificRecordBase) event).getSpecificData().deepCopy(event.getSchema(), event);
  }

  private static SpecificRecord set(SpecificRecord event, String field, Object value) {
    event.put(event.getSchema().getField(field).pos(), value);
    return event;
  }
}
