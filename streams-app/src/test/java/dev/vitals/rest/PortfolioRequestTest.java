package dev.vitals.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The parameters of GET /kpis: what is accepted, and the one-line reason a bad one is refused with (400). */
class PortfolioRequestTest {
  @Test
  void withoutParametersTheReportCoversEverySegmentOverThirtyDays() {
    PortfolioRequest request = PortfolioRequest.parse(null, null, null, false);

    assertThat(request.period().days()).isEqualTo(30);
    assertThat(request.segment()).isNull();
  }

  @Test
  void acceptsAKnownSegmentAndPeriod() {
    PortfolioRequest request = PortfolioRequest.parse("365", "MID_MARKET", null, false);

    assertThat(request.period().days()).isEqualTo(365);
    assertThat(request.segment()).isEqualTo("MID_MARKET");
    assertThat(PortfolioRequest.parse(null, "UNKNOWN", null, false).segment()).isEqualTo("UNKNOWN");
  }

  @Test
  void refusesAnUnknownSegmentNamingTheKnownOnes() {
    assertThatThrownBy(() -> PortfolioRequest.parse(null, "smb", null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment must be one of [ENTERPRISE, MID_MARKET, SMB, UNKNOWN], not 'smb'");
  }

  @Test
  void refusesAnUnknownPeriod() {
    assertThatThrownBy(() -> PortfolioRequest.parse("7", null, null, false))
        .hasMessage("period must be one of [30, 90, 365] (days), not '7'");
  }

  @Test
  void aShareRequestNeedsTheInstantOfTheReport() {
    assertThat(PortfolioRequest.parse("30", null, "2026-06-30T12:00:00Z", true).asOf())
        .isEqualTo(Instant.parse("2026-06-30T12:00:00Z"));
    assertThatThrownBy(() -> PortfolioRequest.parse("30", null, null, true))
        .hasMessageStartingWith("asOf must be an ISO-8601 instant");
  }
}
