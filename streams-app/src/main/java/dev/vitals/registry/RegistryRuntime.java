package dev.vitals.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds what the embedded schema registry needs: Apicurio Registry's unpacked app and a Java 21+ runtime (the
 * project itself runs on Java 17). Each is looked up in a documented order and, when missing, named in one line
 * that says how to point to it.
 */
public final class RegistryRuntime {
  public static final String JAVA_HOME_ENV = "VITALS_REGISTRY_JAVA_HOME";
  public static final String APICURIO_HOME_ENV = "VITALS_APICURIO_HOME";
  static final String APICURIO_HOME_PROPERTY = "vitals.apicurio.home";
  private static final int MINIMUM_JAVA = 21;
  private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

  private RegistryRuntime() {}

  /**
   * The java executable: {@value #JAVA_HOME_ENV}, else the running Java if it is 21+, else the newest 21+ JDK
   * under /usr/lib/jvm.
   */
  public static Path java(Map<String, String> environment) {
    String configured = environment.get(JAVA_HOME_ENV);
    if (configured != null) {
      Path home = Path.of(configured);
      if (javaVersion(home).orElse(0) < MINIMUM_JAVA) {
        throw new IllegalStateException(JAVA_HOME_ENV + "=" + configured + " is not a Java " + MINIMUM_JAVA
            + "+ home (no bin/java with a release file saying so)");
      }
      return executable(home);
    }
    Path running = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() >= MINIMUM_JAVA) {
      return executable(running);
    }
    return newestInstalled().map(RegistryRuntime::executable).orElseThrow(() -> new IllegalStateException(
        "no Java " + MINIMUM_JAVA + "+ runtime for the schema registry: set " + JAVA_HOME_ENV
            + " to a JDK " + MINIMUM_JAVA + " or newer, or run with --registry mock"));
  }

  /** Apicurio's unpacked app: {@value #APICURIO_HOME_ENV}, the build's property, or {@code apicurio/} beside the jar. */
  public static Path apicurioHome(Map<String, String> environment) {
    String configured = environment.getOrDefault(APICURIO_HOME_ENV, System.getProperty(APICURIO_HOME_PROPERTY));
    Path home = configured != null ? Path.of(configured) : besideTheJar();
    if (!Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
      throw new IllegalStateException("Apicurio Registry is not at " + home + " (no quarkus-run.jar): build with"
          + " 'mvn package' (it unpacks it into streams-app/target/apicurio), set " + APICURIO_HOME_ENV
          + ", or run with --registry mock");
    }
    return home;
  }

  private static Path besideTheJar() {
    try {
      Path jar = Path.of(RegistryRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return (Files.isDirectory(jar) ? jar.getParent() : jar.getParent()).resolve("apicurio");
    } catch (Exception e) {
      return Path.of("apicurio");
    }
  }

  private static Optional<Path> newestInstalled() {
    if (!Files.isDirectory(SYSTEM_JVMS)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(SYSTEM_JVMS)) {
      return homes
          .filter(home -> javaVersion(home).orElse(0) >= MINIMUM_JAVA)
          .max(Comparator.comparingInt(home -> javaVersion(home).orElse(0)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The feature version from a JDK's {@code release} file (JAVA_VERSION="25.0.3" gives 25). */
  static Optional<Integer> javaVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(executable(home))) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(release)) {
      properties.load(reader);
    } catch (IOException e) {
      return Optional.empty();
    }
    String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
    try {
      return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Path executable(Path home) {
    return home.resolve("bin").resolve("java");
  }
}
