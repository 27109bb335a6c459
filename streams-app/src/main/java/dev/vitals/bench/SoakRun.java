package dev.vitals.bench;

import dev.vitals.runtime.VitalsService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One soak: load a backlog and measure the exactly-once pipeline's throughput over it (as {@code bench} does), then
 * keep that same instance running under live traffic at half that rate, spike it, and watch it drain. Sampling
 * stops once the spike's lag has drained and the pipeline has run a while longer at the steady rate, or when the
 * drain timeout ends the plan.
 */
final class SoakRun {
  private static final String PIPELINE = "soak-pipeline";
  private static final long WARM_UP_RECORDS = 150_000;
  /** How long the steady rate keeps running once the spike has drained, to see the lag stay down: a minute at most. */
  private static final Duration AFTER_DRAIN = Duration.ofMinutes(1);

  private final Path home;
  private final SoakCommand.Settings settings;
  private final PrintWriter terminal;

  SoakRun(Path home, SoakCommand.Settings settings, PrintWriter terminal) {
    this.home = home;
    this.settings = settings;
    this.terminal = terminal;
  }

  SoakResults run() throws IOException, InterruptedException {
    say("Starting a Kafka broker on 127.0.0.1 and an in-process schema registry ...");
    try (BenchCluster cluster = BenchCluster.start(home, settings.partitions(), 1)) {
      say("Loading the backlog: " + settings.accounts() + " accounts, " + settings.backlogEvents() + " events ...");
      Backlog backlog = Backlog.load(cluster, settings.accounts(), settings.backlogEvents(),
          home.resolve("history.jsonl"));
      try (GroupProgress progress = GroupProgress.of(cluster, cluster.inputTopics())) {
        ThroughputRun runs = new ThroughputRun(cluster, progress, settings.timeout(), terminal);
        if (!settings.smoke()) {
          // Only a real soak's rate must be measured with a warm JIT; a smoke run checks the harness.
          runs.warmUp("soak-warm-up", Math.min(WARM_UP_RECORDS, progress.total()));
        }
        ThroughputRun.PipelineRun pipeline = runs.pipeline(PIPELINE, Map.of());
        try (VitalsService service = pipeline.service()) {
          say(String.format("  pipeline, exactly-once, over the backlog: %,.0f events/s", pipeline.eventsPerSecond()));
          SoakPlan plan = settings.plan(pipeline.eventsPerSecond() / 2);
          say(String.format("Soaking at %,.0f events/s for %s, then %.0fx for %s, then draining (at most %s) ...",
              plan.rate(), plan.steady(), plan.spikeFactor(), plan.spike(), plan.drainTimeout()));
          return new SoakResults(pipeline.eventsPerSecond(), plan, soak(cluster, service, backlog.accounts(), plan));
        }
      }
    }
  }

  private List<SoakSample> soak(BenchCluster cluster, VitalsService service, List<String> accounts, SoakPlan plan)
      throws InterruptedException {
    List<SoakSample> samples = new ArrayList<>();
    Duration collectEvery = max(settings.sampleEvery(), plan.steady().dividedBy(10));
    try (SoakProbe probe = new SoakProbe(cluster, PIPELINE, service.streams());
        LiveFeed feed = new LiveFeed(cluster, accounts, plan).start()) {
      Duration nextSample = Duration.ZERO;
      Duration nextCollect = Duration.ZERO;
      Duration stopAt = plan.end();
      while (feed.elapsed().compareTo(stopAt) < 0) {
        GroupProgress.pause(max(Duration.ZERO, nextSample.minus(feed.elapsed())));
        GroupProgress.requireAlive(service.streams(), PIPELINE);
        feed.check();
        boolean collect = feed.elapsed().compareTo(nextCollect) >= 0;
        SoakSample sample = probe.sample(feed, plan, collect);
        samples.add(sample);
        if (collect) {
          nextCollect = nextCollect.plus(collectEvery);
        }
        nextSample = nextSample.plus(settings.sampleEvery());
        say(SoakReport.line(sample));
        if (sample.phase() == SoakPlan.Phase.DRAIN && stopAt.equals(plan.end())
            && sample.lag() <= new SoakResults(0, plan, samples).lagBound()) {
          stopAt = min(plan.end(), sample.at().plus(min(AFTER_DRAIN, plan.steady().dividedBy(4))));
        }
      }
    }
    return samples;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private void say(String line) {
    terminal.println(line);
    terminal.flush();
  }
}
