package dev.vitals.runtime;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The effective configuration as one flat map, for the start-up log. */
final class ConfigText {
  private ConfigText() {}

  /** What the start-up log shows: every setting, each secret masked (ServiceConfigTest sets them all). */
  static String forLog(ServiceConfig config, Properties streams) {
    return Secrets.masked(flatten(config, streams)).toString();
  }

  static Map<String, Object> flatten(ServiceConfig config, Properties streams) {
    Map<String, Object> flat = new TreeMap<>();
    streams.forEach((key, value) -> flat.put(key.toString(), value));
    config.registryClientConfig().forEach((key, value) -> flat.put(key, key.equals("schema.registry.url")
        ? withoutUserInfo(value) : value));
    flat.put("http", config.httpHost() + ":" + config.httpPort());
    // Only whether a token is set: ApiToken prints a mask, and Secrets masks the key's value besides.
    flat.put("http.token", config.httpToken().required() ? Secrets.MASK : "(none)");
    flat.put("scoring.config", config.scoringFile() == null ? "(bundled)" : config.scoringFile().toString());
    flat.put("topics", config.topics());
    return flat;
  }

  /** A registry URL may carry credentials ({@code https://user:secret@host}); they are never logged. */
  static String withoutUserInfo(String url) {
    return url.replaceFirst("//[^/@]+@", "//" + Secrets.MASK + "@");
  }
}
