package dev.vitals.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct reading of the usual form must agree with {@link Instant#parse} on everything. */
class IsoInstantTest {

  @Test
  void shouldReadTheUsualFormsAsInstantParseDoes() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(0, 1_000_000_000));
      for (String text : new String[] {instant.toString(), instant.truncatedTo(ChronoUnit.SECONDS).toString(),
          instant.truncatedTo(ChronoUnit.MILLIS).toString()}) {
        assertThat(IsoInstant.parse(text)).as(text)
            .isEqualTo(Instant.parse(text).truncatedTo(ChronoUnit.MILLIS));
      }
    }
  }

  @Test
  void shouldLeaveOtherFormsToInstantParse() {
    assertThat(IsoInstant.parse("2026-03-01T09:30:00+02:00")).isEqualTo(Instant.parse("2026-03-01T07:30:00Z"));
    // ISO_INSTANT's own leniencies stay: 24:00 is the end of the day, 23:59:60 a leap second, "." no fraction.
    assertThat(IsoInstant.parse("2026-03-01T09:30:00.Z")).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    assertThat(IsoInstant.parse("2026-03-01T24:00:00Z")).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(IsoInstant.parse("2026-03-01T23:59:60Z")).isEqualTo(Instant.parse("2026-03-01T23:59:60Z"));
  }

  @Test
  void shouldRefuseWhatInstantParseRefuses() {
    for (String bad : new String[] {"2026-02-30T09:30:00Z", "2026-03-01T09:30Z", "2026-03-01T09:60:00Z",
        "2026-13-01T09:30:00Z", "2026-03-01 09:30:00Z", "2026-03-01T09:30:00.1234567890Z",
        "yesterday", "2026-03-01T09:30:0xZ"}) {
      assertThatThrownBy(() -> IsoInstant.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
    }
  }
}
