package dev.vitals.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawRecordChecksTest {
  private final RawRecordChecks checks = new RawRecordChecks();

  @Test
  void shouldAcceptAnAsciiAccountId() {
    assertThat(checks.invalidKey("acc-0042".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }

  @Test
  void shouldAcceptAnAccountIdInValidMultiByteUtf8() {
    assertThat(checks.invalidKey("café-ü-東京".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void shouldRefuseAMalformedUtf8SequenceAfterAnAsciiStart() {
    byte[] key = {'a', 'c', 'c', (byte) 0xc3, 0x28};

    assertThat(checks.invalidKey(key)).hasValueSatisfying(refusal -> {
      assertThat(refusal.reason()).isEqualTo(RejectReason.INVALID_KEY);
      assertThat(refusal.detail()).startsWith("non-UTF-8 key").contains("616363c328");
    });
  }
}
