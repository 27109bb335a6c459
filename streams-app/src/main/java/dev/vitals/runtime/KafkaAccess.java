package dev.vitals.runtime;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Failures that mean the cluster refused this instance's credentials or permissions: retrying cannot help, and the
 * operator must hear which settings to look at. The broker's message never holds the secret itself.
 */
final class KafkaAccess {
  private KafkaAccess() {}

  static boolean isRefused(Throwable error) {
    return refusal(error) != null;
  }

  /** One line naming what was refused and the settings to check. */
  static String explain(Throwable error) {
    Throwable cause = refusal(error);
    if (cause instanceof AuthenticationException) {
      return "Kafka authentication failed: " + cause.getMessage() + ". Check kafka.security.protocol,"
          + " kafka.sasl.mechanism and kafka.sasl.jaas.config (VITALS_KAFKA_SASL_JAAS_CONFIG), and the TLS trust"
          + " store (kafka.ssl.truststore.*)";
    }
    return "Kafka refused access: " + cause.getMessage() + ". Check the ACLs of this instance's principal";
  }

  private static Throwable refusal(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
        return cause;
      }
    }
    return null;
  }
}
