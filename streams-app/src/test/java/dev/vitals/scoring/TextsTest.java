package dev.vitals.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written number formats read exactly as the {@code String.format} patterns they replaced. */
class TextsTest {
  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void shouldFormatMoneyAsTheGroupedFormatPatternsDid() {
    for (long cents : new long[] {0, 5, 99, 100, 150, 12_345, 100_000, 123_456_789, -1, -50, -250_000_00}) {
      assertThat(Texts.money(cents)).as("%d cents", cents).isEqualTo(formatted(cents));
    }
    for (int i = 0; i < 10_000; i++) {
      long cents = random.nextLong(-10_000_000_000L, 10_000_000_000L);
      assertThat(Texts.money(cents)).as("%d cents", cents).isEqualTo(formatted(cents));
    }
  }

  @Test
  void shouldRoundOneDecimalHalfUpAsTheFormatPatternDid() {
    for (double value : new double[] {0, 0.05, 0.25, 2.25, 2.35, 1.45, 99.95, 12.3456, 7.0}) {
      assertThat(Texts.decimal1(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.1f", value));
    }
    for (int i = 0; i < 10_000; i++) {
      double value = random.nextInt(0, 1_000_000) / 1000.0;
      assertThat(Texts.decimal1(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.1f", value));
    }
  }

  private static String formatted(long cents) {
    return cents % 100 == 0
        ? String.format(Locale.ROOT, "%,d", cents / 100)
        : String.format(Locale.ROOT, "%,.2f", cents / 100.0);
  }
}
