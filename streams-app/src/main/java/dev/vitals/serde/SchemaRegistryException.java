package dev.vitals.serde;

/**
 * A schema registry answered, and the answer is a lasting problem (unknown id, incompatible
 * schema, invalid schema, bad credentials, wrong URL). Retrying the same call will not help, which
 * is what sets it apart from {@link SchemaRegistryUnavailableException}.
 */
public class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaRegistryException(String message) {
    super(message);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
