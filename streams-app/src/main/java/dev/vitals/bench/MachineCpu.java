package dev.vitals.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who had the machine's processors between two readings, from Linux's {@code /proc} counters: this process (the
 * pipeline, the feed and the probe), the broker's process, everything else, and the hypervisor (steal: time this
 * virtual machine was ready to run but not given a processor); and how long processors sat idle waiting for the
 * disk (iowait), the mark of I/O contention. A soak on a shared machine needs this to tell a lag excursion the
 * pipeline caused from one its neighbours caused. All counters are in the kernel's clock ticks, so process and
 * machine times compare directly; shares are of all processors together.
 */
final class MachineCpu {
  private static final Path STAT = Path.of("/proc/stat");
  private static final Path SELF = Path.of("/proc/self/stat");

  /** One reading of the counters; {@link #UNKNOWN} where {@code /proc} is not there. */
  record Reading(long total, long idle, long iowait, long steal, long self, long broker) {
    static final Reading UNKNOWN = new Reading(-1, -1, -1, -1, -1, -1);

    boolean known() {
      return total >= 0;
    }
  }

  /**
   * Shares of the machine's processor time, in percent.
   *
   * @param self this process
   * @param broker the broker's process
   * @param other every other process and the kernel's own work
   * @param iowait idle while waiting for the disk
   * @param steal taken by the hypervisor
   */
  record Shares(double self, double broker, double other, double iowait, double steal) {
    static final Shares UNKNOWN = new Shares(-1, -1, -1, -1, -1);

    static Shares between(Reading before, Reading after) {
      long total = after.total() - before.total();
      if (!before.known() || !after.known() || total <= 0) {
        return UNKNOWN;
      }
      long self = after.self() - before.self();
      long broker = after.broker() - before.broker();
      long steal = after.steal() - before.steal();
      long iowait = after.iowait() - before.iowait();
      long busy = total - (after.idle() - before.idle()) - iowait - steal;
      return new Shares(percent(self, total), percent(broker, total), percent(Math.max(0, busy - self - broker),
          total), percent(iowait, total), percent(steal, total));
    }

    private static double percent(long part, long total) {
      return 100.0 * part / total;
    }
  }

  private final Path broker;

  MachineCpu(long brokerPid) {
    this.broker = Path.of("/proc", Long.toString(brokerPid), "stat");
  }

  Reading read() {
    try {
      // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is counted in user already)
      String[] cpu = Files.readAllLines(STAT, StandardCharsets.US_ASCII).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i <= 8; i++) {
        total += Long.parseLong(cpu[i]);
      }
      return new Reading(total, Long.parseLong(cpu[4]), Long.parseLong(cpu[5]), Long.parseLong(cpu[8]),
          processTicks(SELF), processTicks(broker));
    } catch (IOException | RuntimeException e) {
      return Reading.UNKNOWN;
    }
  }

  /** User plus system time of a process: fields 14 and 15 of its stat line, counted after its name's ")". */
  private static long processTicks(Path stat) throws IOException {
    String line = Files.readString(stat, StandardCharsets.US_ASCII);
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
