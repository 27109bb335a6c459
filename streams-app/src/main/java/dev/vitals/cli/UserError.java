package dev.vitals.cli;

/** A problem the user can fix (a missing file, a bad configuration value), reported as one line. */
final class UserError extends RuntimeException {
  private final int exitCode;

  UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
