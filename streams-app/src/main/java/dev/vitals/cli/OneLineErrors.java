package dev.vitals.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure of a command into one line on stderr and a non-zero exit: users get the file, line or field at
 * fault, not a stack trace. {@link UserError} carries its own exit status.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
  private static final int FAILURE = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    commandLine.getErr().println("vitals " + commandLine.getCommandName() + ": " + e.getMessage());
    return e instanceof UserError error ? error.exitCode() : FAILURE;
  }
}
