package dev.vitals.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Masks secret values before configuration is logged. */
final class Secrets {
  /** Words of keys whose values are secret; {@code ssl.keystore.key} is a PEM private key given inline. */
  private static final String[] SECRET_WORDS = {"password", "secret", "jaas", "token", "user.info", "credentials",
      "ssl.keystore.key", "private"};
  static final String MASK = "******";

  private Secrets() {}

  static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  static Map<String, Object> masked(Map<String, ?> settings) {
    Map<String, Object> masked = new TreeMap<>();
    settings.forEach((key, value) -> masked.put(key, isSecret(key) ? MASK : value));
    return masked;
  }
}
