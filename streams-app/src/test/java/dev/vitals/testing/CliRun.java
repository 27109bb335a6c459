package dev.vitals.testing;

import dev.vitals.cli.VitalsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One command of the CLI run in-process, as a user would type it, with what it printed on each stream. */
public record CliRun(int exit, String out, String err) {
  public static CliRun of(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = VitalsCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(arguments);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
