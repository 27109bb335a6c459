package dev.vitals.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.events.EventType;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.BadInput;
import dev.vitals.testing.BadInputCorpus;
import dev.vitals.testing.BadRecord;
import dev.vitals.testing.PipelineDriver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of bad input of the corpus ({@link BadInput}), on every input topic it can occur on, goes to the
 * dead-letter topic once, with its original key and value bytes, the reason the corpus expects and its source, and
 * is counted under that reason.
 */
class BadInputTopologyTest {
  private static final long SEED = 15;

  private final PipelineDriver pipeline = new PipelineDriver();
  /** Five weeks, so that every input type occurs (costs are booked monthly). */
  private final List<SpecificRecord> history =
      new HistorySimulator(SEED, 4, Instant.parse("2026-01-05T00:00:00Z"), 35).stream().toList();
  private final BadInputCorpus corpus = new BadInputCorpus(SEED, pipeline.eventTopics(), pipeline.registry(),
      ScoringConfig.defaults().pipeline().grace(), PipelineDriver.PRODUCED_AT, history);

  @AfterEach
  void close() {
    pipeline.close();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(BadInput.class)
  void shouldDeadLetterEachKindOfBadInputWithItsReasonOnEveryTopicItOccursOn(BadInput kind) {
    for (EventType type : EventType.values()) {
      if (!kind.occursOn(type)) {
        continue;
      }
      // given a good event of the topic (delivered first when the bad record must follow one)
      SpecificRecord template = firstOf(type);
      if (kind.needsEarlierEvent()) {
        pipeline.send(template);
      }
      BadRecord bad = corpus.make(kind, template);

      // when
      pipeline.sendRaw(bad.topic(), bad.key(), bad.value());

      // then
      List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
      assertThat(letters).as("%s on %s", kind, bad.topic()).singleElement().satisfies(letter -> {
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(kind.reason().tag());
        assertThat(header(letter, DeadLetterHeaders.DETAIL)).isNotBlank();
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(bad.topic());
        assertThat(letter.key()).isEqualTo(bad.key());
        assertThat(letter.value()).isEqualTo(bad.value());
      });
      assertThat(pipeline.counter(PipelineSensors.REJECTED,
          Map.of("topic", bad.topic(), "reason", kind.reason().tag()))).as("%s on %s", kind, bad.topic())
          .isEqualTo(1.0);
    }
  }

  @Test
  void shouldNameBothRecordTypesWhenTheSchemaIdIsAnotherTypes() {
    BadRecord bad = corpus.make(BadInput.OTHER_RECORD_TYPE, firstOf(EventType.USAGE));

    pipeline.sendRaw(bad.topic(), bad.key(), bad.value());

    assertThat(header(pipeline.deadLetters().get(0), DeadLetterHeaders.DETAIL))
        .contains("another record type").contains("dev.vitals.schema.").contains("UsageEvent");
  }

  @Test
  void shouldSayWhichWayAKeyIsInvalid() {
    SpecificRecord template = firstOf(EventType.BILLING);
    for (BadInput kind : List.of(BadInput.MISSING_KEY, BadInput.EMPTY_KEY, BadInput.OVERSIZED_KEY,
        BadInput.NON_UTF8_KEY)) {
      BadRecord bad = corpus.make(kind, template);
      pipeline.sendRaw(bad.topic(), bad.key(), bad.value());
    }

    assertThat(pipeline.deadLetters()).extracting(letter -> header(letter, DeadLetterHeaders.DETAIL))
        .satisfiesExactly(
            detail -> assertThat(detail).startsWith("no key"),
            detail -> assertThat(detail).startsWith("empty key"),
            detail -> assertThat(detail).startsWith("oversized key").contains("256"),
            detail -> assertThat(detail).startsWith("non-UTF-8 key"));
  }

  private SpecificRecord firstOf(EventType type) {
    return history.stream().filter(e -> EventType.of(e) == type).findFirst()
        .orElseThrow(() -> new AssertionError("the history has no " + type + " event"));
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
