package dev.vitals.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KpiPeriodTest {
  @Test
  void acceptsAMonthAQuarterAndAYearInDays() {
    assertThat(KpiPeriod.parse("30").days()).isEqualTo(30);
    assertThat(KpiPeriod.parse("90d").days()).isEqualTo(90);
    assertThat(KpiPeriod.parse(" 365 ").days()).isEqualTo(365);
  }

  @Test
  void refusesAnyOtherPeriodSayingWhichAreAllowed() {
    assertThatThrownBy(() -> KpiPeriod.parse("60"))
        .hasMessage("period must be one of [30, 90, 365] (days), not '60'");
    assertThatThrownBy(() -> KpiPeriod.parse("month"))
        .hasMessage("period must be one of [30, 90, 365] (days), not 'month'");
  }
}
