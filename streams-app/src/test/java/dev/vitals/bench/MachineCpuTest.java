package dev.vitals.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Who had the processors between two readings: shares of all processors' ticks, the rest being "other". */
class MachineCpuTest {

  @Test
  void shouldShareTheIntervalsTicksBetweenThisProcessTheBrokerOthersIowaitAndSteal() {
    MachineCpu.Reading before = new MachineCpu.Reading(1_000, 400, 20, 10, 100, 50);
    MachineCpu.Reading after = new MachineCpu.Reading(2_000, 600, 120, 60, 500, 150);

    MachineCpu.Shares shares = MachineCpu.Shares.between(before, after);

    // 1,000 ticks: 200 idle, 100 waiting for the disk, 50 stolen, 400 this process, 100 the broker, so 150 went to
    // everything else
    assertThat(shares).isEqualTo(new MachineCpu.Shares(40, 10, 15, 10, 5));
  }

  @Test
  void shouldNotGuessWhenEitherReadingIsUnknown() {
    MachineCpu.Reading known = new MachineCpu.Reading(1_000, 400, 20, 10, 100, 50);

    assertThat(MachineCpu.Shares.between(MachineCpu.Reading.UNKNOWN, known)).isEqualTo(MachineCpu.Shares.UNKNOWN);
    assertThat(MachineCpu.Shares.between(known, MachineCpu.Reading.UNKNOWN)).isEqualTo(MachineCpu.Shares.UNKNOWN);
    assertThat(MachineCpu.Shares.between(known, known)).isEqualTo(MachineCpu.Shares.UNKNOWN);
  }

  @Test
  void shouldReadThisProcessFromProcWhenTheBrokerIsThisProcessToo() {
    MachineCpu cpu = new MachineCpu(ProcessHandle.current().pid());

    MachineCpu.Reading reading = cpu.read();

    assertThat(reading.known()).as("/proc readable on Linux").isTrue();
    assertThat(reading.self()).isPositive();
    assertThat((double) reading.broker()).isCloseTo(reading.self(), within(20.0));
    assertThat(reading.total()).isGreaterThan(reading.idle() + reading.iowait() + reading.steal());
  }

  @Test
  void shouldReadNothingForABrokerThatIsGone() {
    assertThat(new MachineCpu(Long.MAX_VALUE).read()).isEqualTo(MachineCpu.Reading.UNKNOWN);
  }
}
