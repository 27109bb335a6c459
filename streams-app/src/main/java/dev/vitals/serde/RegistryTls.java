package dev.vitals.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * TLS for the registry connection, with Confluent's key names: a trust store for a private CA
 * ({@code schema.registry.ssl.truststore.*}) and, for mutual TLS, a key store
 * ({@code schema.registry.ssl.keystore.*}). Without them the JDK's default trust applies, which is right for
 * registries with publicly signed certificates.
 */
final class RegistryTls {
  static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  static final String KEY_PASSWORD = "schema.registry.ssl.key.password";

  private RegistryTls() {}

  /** An SSL context from the configured stores; empty when none is configured. */
  static Optional<SSLContext> context(Map<String, ?> config) {
    String trustStore = string(config, TRUSTSTORE_LOCATION);
    String keyStore = string(config, KEYSTORE_LOCATION);
    if (trustStore == null && keyStore == null) {
      return Optional.empty();
    }
    try {
      TrustManagerFactory trust = null;
      if (trustStore != null) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, string(config, TRUSTSTORE_TYPE), string(config, TRUSTSTORE_PASSWORD),
            TRUSTSTORE_LOCATION));
      }
      KeyManagerFactory keys = null;
      if (keyStore != null) {
        String password = string(config, KEYSTORE_PASSWORD);
        String keyPassword = string(config, KEY_PASSWORD);
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore, string(config, KEYSTORE_TYPE), password, KEYSTORE_LOCATION),
            (keyPassword != null ? keyPassword : password == null ? "" : password).toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
          null);
      return Optional.of(context);
    } catch (GeneralSecurityException e) {
      throw new ConfigException("schema registry TLS: " + e.getMessage());
    }
  }

  private static KeyStore load(String location, String type, String password, String key)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(type == null ? KeyStore.getDefaultType() : type);
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      store.load(in, password == null ? null : password.toCharArray());
    } catch (IOException e) {
      throw new ConfigException(key, location, "cannot read the store: " + e.getMessage());
    }
    return store;
  }

  private static String string(Map<String, ?> config, String key) {
    Object value = config.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
