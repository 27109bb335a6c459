package dev.vitals.cli;

import dev.vitals.runtime.ServiceConfig;
import dev.vitals.runtime.TopicLayout;
import dev.vitals.runtime.TopicProvisioner;
import dev.vitals.runtime.VitalsService;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.VitalsSerdes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the pipeline against an existing Kafka cluster and schema registry until stopped (SIGTERM or Ctrl-C).",
        "Settings come from --config (a properties file) and VITALS_* environment variables; see"
            + " docs/operations.md."})
final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE.properties", description = "The instance's settings.")
  Path config;

  @Option(names = "--create-topics", paramLabel = "PARTITIONS",
      description = "Create missing topics with this many partitions per account topic (replication: broker default).")
  Integer createTopics;

  @Override
  public Integer call() throws Exception {
    ServiceConfig settings = ServiceConfigs.load(config);
    ScoringConfig scoring = ScoringConfigs.load(settings.scoringFile());
    if (createTopics != null) {
      TopicProvisioner.ensure(settings.bootstrapServers(), settings.kafkaOverrides(),
          TopicLayout.of(settings.topics(), createTopics, (short) -1));
    }
    VitalsService service = new VitalsService(settings, scoring, new VitalsSerdes(settings.registryClientConfig()));
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "vitals-shutdown"));
    service.start();
    service.awaitStop();
    // Ended in ERROR rather than stopped: a process alive with nothing running would only hide it. Exit non-zero
    // with the cause in one line, so the orchestrator restarts it and the operator reads why.
    java.util.Optional<String> failure = service.failure();
    if (failure.isPresent()) {
      service.close();
      throw new IllegalStateException(failure.get());
    }
    return 0;
  }
}
