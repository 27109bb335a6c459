package dev.vitals.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * An extra listener of the embedded broker that clients must reach over TLS and authenticate on with SASL/SCRAM,
 * as a production cluster asks of them: {@code SASL_SSL} on 127.0.0.1, mechanism {@value #MECHANISM}. The broker's
 * own traffic (between broker and controller) stays PLAINTEXT on loopback; it is not what is being tested.
 *
 * @param keystore the broker's key pair and certificate, PKCS12 (its names must cover 127.0.0.1)
 * @param keystorePassword the keystore's and the key's password
 * @param users SCRAM user name to password, created once the broker answers
 */
public record SaslSslListener(Path keystore, String keystorePassword, Map<String, String> users) {
  public static final String MECHANISM = "SCRAM-SHA-512";
  static final String NAME = "SASL_SSL";

  public SaslSslListener {
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(keystorePassword, "keystorePassword");
    users = Map.copyOf(users);
  }

  /** The broker settings of this listener: its TLS key material and the one mechanism it accepts. */
  void configure(Properties server) {
    server.put("sasl.enabled.mechanisms", MECHANISM);
    String prefix = "listener.name." + NAME.toLowerCase(java.util.Locale.ROOT) + ".";
    server.put(prefix + MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    server.put(prefix + "ssl.keystore.location", keystore.toString());
    server.put(prefix + "ssl.keystore.type", "PKCS12");
    server.put(prefix + "ssl.keystore.password", keystorePassword);
    server.put(prefix + "ssl.key.password", keystorePassword);
  }

  /**
   * The client settings of one user on this listener, as Vitals' {@code kafka.*} keys take them (without the
   * prefix): TLS trusting {@code truststore}, SCRAM with the user's password in a JAAS line.
   */
  public static Map<String, String> clientSettings(String user, String password, Path truststore, String truststorePassword) {
    return Map.of(
        "security.protocol", NAME,
        "sasl.mechanism", MECHANISM,
        "sasl.jaas.config", jaas(user, password),
        "ssl.truststore.location", truststore.toString(),
        "ssl.truststore.type", "PKCS12",
        "ssl.truststore.password", truststorePassword);
  }

  /** The JAAS line a SCRAM client logs in with; quotes keep any character of the password literal but quotes. */
  public static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }
}
