package dev.vitals.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class KafkaAccessTest {

  @Test
  void aRefusedLoginDeepInAStreamsErrorIsNamedAsAuthenticationWithTheSettingsToCheck() {
    // given the error a stream thread dies of when the broker refuses the SCRAM password
    Throwable error = new StreamsException(new SaslAuthenticationException(
        "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"));

    // then it is a refusal, explained in one line, and the thread is not replaced to fail again for ever
    assertThat(KafkaAccess.isRefused(error)).isTrue();
    assertThat(KafkaAccess.explain(error)).startsWith("Kafka authentication failed: Authentication failed")
        .contains("kafka.sasl.jaas.config").doesNotContain("\n");
    assertThat(VitalsService.onStreamThreadFailure(error)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void anUntrustedCertificateIsAnAuthenticationFailureThatNamesTheTrustStore() {
    Throwable error = new StreamsException(new SslAuthenticationException("SSL handshake failed"));

    assertThat(KafkaAccess.explain(error)).contains("SSL handshake failed").contains("kafka.ssl.truststore");
  }

  @Test
  void aMissingPermissionIsNamedAsAccessNotAuthentication() {
    Throwable error = new StreamsException(new TopicAuthorizationException("Not authorized to access topics: [t]"));

    assertThat(KafkaAccess.explain(error)).startsWith("Kafka refused access: Not authorized").contains("ACLs");
  }

  @Test
  void aTimeoutIsNotARefusal() {
    assertThat(KafkaAccess.isRefused(new StreamsException(new TimeoutException("no broker")))).isFalse();
  }
}
