package dev.vitals.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The validated range of GET /agents and GET /agents/{id}. */
class AgentRangeTest {
  private static final long MAX_HOURS = 192;

  @Test
  void shouldDefaultToTheLast24HoursEndingAtTheStreamTime() {
    AgentRange range = AgentRange.parse(null, null, MAX_HOURS);

    assertThat(range.span()).isEqualTo(Duration.ofHours(24));
    assertThat(range.endingAt(Instant.parse("2026-03-02T14:00:00Z")).until())
        .isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
  }

  @Test
  void shouldTakeAnEndInsideAnHourUpToTheEndOfThatHour() {
    AgentRange range = AgentRange.parse("48", "2026-03-02T13:20:00Z", MAX_HOURS);

    assertThat(range.until()).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
    assertThat(range.query()).isEqualTo("hours=48&until=2026-03-02T14:00:00Z");
  }

  @Test
  void shouldRefuseARangeLongerThanTheWindowsAreKept() {
    assertThatThrownBy(() -> AgentRange.parse("193", null, MAX_HOURS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hours must be a whole number from 1 to 192 (the agent windows' retention), was '193'");
  }

  @Test
  void shouldRefuseHoursThatAreNotAWholePositiveNumber() {
    assertThatThrownBy(() -> AgentRange.parse("0", null, MAX_HOURS)).hasMessageContaining("was '0'");
    assertThatThrownBy(() -> AgentRange.parse("1.5", null, MAX_HOURS)).hasMessageContaining("was '1.5'");
  }

  @Test
  void shouldRefuseAnEndThatIsNotAnInstant() {
    assertThatThrownBy(() -> AgentRange.parse(null, "yesterday", MAX_HOURS))
        .hasMessage("until must be an ISO-8601 instant such as 2026-03-01T10:00:00Z, was 'yesterday'");
  }
}
