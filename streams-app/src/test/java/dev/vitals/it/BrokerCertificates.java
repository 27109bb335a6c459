package dev.vitals.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away TLS identity for a test broker, made with the JDK's own {@code keytool} as an operator would: a key
 * pair and self-signed certificate for 127.0.0.1 and localhost in a PKCS12 keystore, and a truststore holding only
 * that certificate, which is what a client needs to trust this broker and nothing else.
 *
 * @param password the password of both stores (a test's own, never a real one)
 */
public record BrokerCertificates(Path keystore, Path truststore, String password) {

  public static BrokerCertificates make(Path dir, String password) {
    Path keystore = dir.resolve("broker.p12");
    Path certificate = dir.resolve("broker.crt");
    Path truststore = dir.resolve("truststore.p12");
    keytool(dir, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
    keytool(dir, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
        "-storepass", password, "-file", certificate.toString());
    keytool(dir, "-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
        "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", password);
    return new BrokerCertificates(keystore, truststore, password);
  }

  private static void keytool(Path dir, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Path log = dir.resolve("keytool.log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + arguments[0] + " did not finish within 60 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + arguments[0] + " failed; see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
