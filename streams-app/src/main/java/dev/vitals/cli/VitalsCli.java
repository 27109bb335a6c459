package dev.vitals.cli;

import dev.vitals.bench.BenchCommand;
import dev.vitals.bench.SoakCommand;
import dev.vitals.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vitals} command line: one subcommand per way of running the pipeline. */
@Command(
    name = "vitals",
    mixinStandardHelpOptions = true,
    versionProvider = VitalsVersion.class,
    description = "Real-time customer health on Kafka Streams.",
    subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, CalibrateCommand.class,
        SimulateCommand.class, ProduceCommand.class, BenchCommand.class, SoakCommand.class})
public final class VitalsCli {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new VitalsCli());
    // One clear line for a bad argument, not a stack trace; exit status 2 as picocli's usage errors.
    commandLine.setExecutionExceptionHandler(new OneLineErrors());
    return commandLine;
  }
}
