package dev.vitals.state;

/**
 * A stored value this release cannot read: written by another release (another state-format version) or corrupt.
 * Not the input's fault, and it would repeat on every record of the account: the instance must stop (see
 * {@code ProcessingErrorPolicy}) rather than dead-letter input it could not apply.
 */
public final class StateFormatException extends RuntimeException {
  public StateFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
