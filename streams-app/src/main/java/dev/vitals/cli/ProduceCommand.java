package dev.vitals.cli;

import dev.vitals.events.InputLine;
import dev.vitals.events.InvalidEventException;
import dev.vitals.events.JsonEventCodec;
import dev.vitals.runtime.EventPublisher;
import dev.vitals.runtime.ServiceConfig;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.EventTopics;
import dev.vitals.topology.Topics;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
        "Publishes JSON-lines events to Kafka as Confluent-framed Avro, keyed by accountId, as upstream services do.",
        "A line {\"type\": \"erasure\", \"accountId\": ..., \"erasedAt\": ...} erases the account: a tombstone"
            + " keyed by it on the accounts topic, stamped erasedAt.",
        "Kafka and registry settings as for run (--config and VITALS_* variables). A bad line is named on stderr"
            + " as FILE:LINE: reason and skipped; exit status 3 when any was."})
final class ProduceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--file", required = true, paramLabel = "FILE.jsonl", description = "The events to publish.")
  Path file;

  @Option(names = "--config", paramLabel = "FILE.properties", description = "Kafka and registry settings.")
  Path config;

  @Override
  public Integer call() throws Exception {
    if (!Files.isReadable(file)) {
      throw new UserError("cannot read events file " + file, 2);
    }
    ServiceConfig settings = ServiceConfigs.load(config);
    JsonEventCodec codec = new JsonEventCodec();
    EventTopics topics = new EventTopics(Topics.of(settings.topics(),
        new VitalsSerdes(settings.registryClientConfig())));
    int line = 0;
    int rejected = 0;
    try (EventPublisher publisher = new EventPublisher(settings.bootstrapServers(), settings.kafkaOverrides(), topics);
        BufferedReader in = Files.newBufferedReader(file)) {
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        try {
          InputLine input = codec.read(text);
          if (input instanceof InputLine.Erasure erasure) {
            publisher.erase(erasure.accountId(), erasure.erasedAt());
          } else {
            publisher.publish(((InputLine.Event) input).event());
          }
        } catch (InvalidEventException e) {
          rejected++;
          spec.commandLine().getErr().println(file + ":" + line + ": " + e.getMessage());
        }
      }
      publisher.flush();
      spec.commandLine().getOut().printf("published %d events from %s (%d lines rejected)%n", publisher.sent(), file,
          rejected);
    }
    return rejected == 0 ? 0 : 3;
  }
}
