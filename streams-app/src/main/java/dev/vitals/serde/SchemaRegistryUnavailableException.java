package dev.vitals.serde;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The schema registry could not be reached or answered with a server error (5xx, timeout,
 * connection refused). It is a Kafka {@link RetriableException} on purpose: the record being
 * (de)serialized is fine, so callers must retry or stop, and never dead-letter it.
 */
public class SchemaRegistryUnavailableException extends RetriableException {
  private static final long serialVersionUID = 1L;

  public SchemaRegistryUnavailableException(String message) {
    super(message);
  }

  public SchemaRegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
