package dev.vitals.broker;

import dev.vitals.runtime.BoundedWait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Creates SCRAM users on a running broker through its PLAINTEXT listener (the embedded broker has no authorizer, so
 * any client there may), then waits until the broker knows them: the credentials travel through the metadata log,
 * and a client that authenticates before they arrive fails for good, not with a retriable error.
 */
final class ScramUsers {
  private static final int ITERATIONS = 8192;
  private static final Duration WITHIN = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(50);

  private ScramUsers() {}

  static void create(String plaintextBootstrap, Map<String, String> users) {
    if (users.isEmpty()) {
      return;
    }
    List<UserScramCredentialAlteration> upserts = users.entrySet().stream()
        .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), user.getValue()))
        .toList();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap))) {
      admin.alterUserScramCredentials(upserts).all().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
      BoundedWait.until(WITHIN, POLL, "SCRAM users " + users.keySet() + " not known to the broker",
          () -> admin.describeUserScramCredentials().all().get().keySet().containsAll(users.keySet()));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create SCRAM users " + users.keySet() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating SCRAM users", e);
    }
  }
}
