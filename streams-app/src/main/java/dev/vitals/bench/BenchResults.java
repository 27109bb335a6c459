package dev.vitals.bench;

import java.time.Duration;
import java.util.List;

/**
 * Every figure of one bench run, and how they read against the goals of the throughput issue (SPEC §5): the rows
 * of the results table and the goals' verdicts are both derived here, so the table and the verdicts cannot disagree.
 */
record BenchResults(
    double pipelineExactlyOnce,
    double pipelineAtLeastOnce,
    double passThrough,
    double plainConsumer,
    Freshness freshness,
    StateFootprint state,
    long inputBytes,
    long stateOnDisk,
    long heapAfterGc,
    Duration recoveryFromDisk,
    Duration recoveryFromChangelogs,
    ScrapeTime scrape,
    double replay) {

  /** One line of the results table: a measure, its figure and unit. */
  record Row(String measure, double figure, String unit) {
    String formatted() {
      return figure == Math.rint(figure) || Math.abs(figure) >= 100
          ? String.format("%,.0f", figure) : String.format("%,.2f", figure);
    }
  }

  /** One goal: what it asks, what the run measured, whether that meets it. */
  record Goal(String goal, String measured, boolean met) {}

  double pipelineOverPassThrough() {
    return pipelineExactlyOnce / passThrough;
  }

  double exactlyOnceOverAtLeastOnce() {
    return pipelineExactlyOnce / pipelineAtLeastOnce;
  }

  double changelogPerInputByte() {
    return (double) state.changelogBytes() / inputBytes;
  }

  List<Row> rows() {
    return List.of(
        new Row("pipeline, exactly-once", pipelineExactlyOnce, "events/s"),
        new Row("pipeline, at-least-once (same commit interval)", pipelineAtLeastOnce, "events/s"),
        new Row("stateless Streams pass-through, exactly-once", passThrough, "events/s"),
        new Row("plain consumer", plainConsumer, "events/s"),
        new Row("pipeline / pass-through", pipelineOverPassThrough(), "ratio"),
        new Row("exactly-once / at-least-once", exactlyOnceOverAtLeastOnce(), "ratio"),
        new Row("freshness at half load, p50", freshness.p50(), "ms"),
        new Row("freshness at half load, p99", freshness.p99(), "ms"),
        new Row("freshness at half load, max", freshness.max(), "ms"),
        new Row("freshness p99, until a read_committed consumer has it", freshness.p99Visible(), "ms"),
        new Row("state per account, median", state.median(), "bytes"),
        new Row("state per account, p99", state.p99(), "bytes"),
        new Row("state per account, max", state.max(), "bytes"),
        new Row("changelog bytes written per input byte", changelogPerInputByte(), "ratio"),
        new Row("state on local disk (RocksDB)", stateOnDisk / 1_048_576.0, "MiB"),
        new Row("heap after GC, pipeline running", heapAfterGc / 1_048_576.0, "MiB"),
        new Row("recovery, state on local disk: start to RUNNING", recoveryFromDisk.toMillis(), "ms"),
        new Row("recovery, state wiped (restore from changelogs)", recoveryFromChangelogs.toMillis(), "ms"),
        new Row("GET /metrics, every account owned by the instance, median", scrape.median().toMillis(), "ms"),
        new Row("GET /metrics, accounts counted in its vitals_accounts", scrape.accounts(), "accounts"),
        new Row("replay", replay, "events/s"));
  }

  List<Goal> goals() {
    return List.of(
        new Goal("pipeline with exactly-once >= 50 % of the stateless pass-through",
            percent(pipelineOverPassThrough()), pipelineOverPassThrough() >= 0.50),
        new Goal("exactly-once >= 95 % of at-least-once", percent(exactlyOnceOverAtLeastOnce()),
            exactlyOnceOverAtLeastOnce() >= 0.95),
        new Goal("p99 event-to-score <= 300 ms at half load", freshness.p99() + " ms", freshnessMeasured()
            && freshness.p99() <= 300),
        new Goal("state per account: median <= 1 KiB", state.median() + " bytes", state.median() <= 1024),
        new Goal("state per account: p99 <= 8 KiB", state.p99() + " bytes", state.p99() <= 8192),
        new Goal("changelog bytes written <= 3x input bytes", String.format("%.2fx", changelogPerInputByte()),
            changelogPerInputByte() <= 3.0),
        new Goal("replay >= 100k events/s", String.format("%,.0f events/s", replay), replay >= 100_000),
        new Goal("GET /metrics with every account owned < 250 ms (issue 12)",
            String.format("%d ms for %,d accounts", scrape.median().toMillis(), scrape.accounts()),
            scrape.median().toMillis() < 250 && scrape.accounts() == state.accounts()));
  }

  /** A freshness figure counts only when every fed event was reflected; otherwise the tail is unknown. */
  private boolean freshnessMeasured() {
    return freshness.matched() == freshness.sent() && freshness.sent() > 0;
  }

  private static String percent(double ratio) {
    return String.format("%.1f %%", 100 * ratio);
  }
}
