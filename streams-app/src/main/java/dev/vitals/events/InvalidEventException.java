package dev.vitals.events;

/**
 * An event that cannot be decoded from its JSON line. The message is one line that names the
 * field and the problem, so that a CLI can prefix it with the file and line number and a DLQ
 * header can carry it as is.
 */
public final class InvalidEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidEventException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * The field at fault (for an array element, e.g. {@code keyFeatures[2]}); null when the whole
   * line is at fault (not JSON, not an object).
   */
  public String field() {
    return field;
  }
}
