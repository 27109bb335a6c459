package dev.vitals.demo;

import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import dev.vitals.simulate.Archetype;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the demo moving after the history is published: product usage "now" by the users and features each
 * account already had, for the accounts whose story is still active (churning and dormant accounts stay quiet, as
 * their stories say). The history, not this, decides the bands; this makes the live numbers tick.
 */
final class LiveActivity {
  private static final Set<Archetype> QUIET = Set.of(Archetype.CHURNING, Archetype.DORMANT);

  private final Random random;
  private final Map<String, List<String>> usersByAccount = new HashMap<>();
  private final Map<String, List<String>> featuresByAccount = new HashMap<>();
  private final List<String> activeAccounts = new ArrayList<>();

  LiveActivity(long seed) {
    this.random = new Random(seed);
  }

  /** Learns who uses what from a historical usage event. */
  void learn(UsageEvent event) {
    if (event.getUserId() != null) {
      add(usersByAccount, event.getAccountId(), event.getUserId());
    }
    if (event.getKind() == UsageKind.FEATURE_USED && event.getFeature() != null) {
      add(featuresByAccount, event.getAccountId(), event.getFeature());
    }
  }

  /** Chooses the accounts that keep being active, once the history is known. */
  void settle(Map<String, Archetype> archetypes) {
    archetypes.forEach((account, archetype) -> {
      if (!QUIET.contains(archetype) && usersByAccount.containsKey(account)) {
        activeAccounts.add(account);
      }
    });
  }

  /** One usage event at {@code now} by a known user of an active account; null when no account is active. */
  UsageEvent next(Instant now) {
    if (activeAccounts.isEmpty()) {
      return null;
    }
    String account = activeAccounts.get(random.nextInt(activeAccounts.size()));
    String user = pick(usersByAccount.get(account));
    List<String> features = featuresByAccount.getOrDefault(account, List.of());
    boolean featureUse = !features.isEmpty() && random.nextInt(3) > 0;
    return UsageEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setAccountId(account)
        .setOccurredAt(now)
        .setUserId(user)
        .setKind(featureUse ? UsageKind.FEATURE_USED : UsageKind.LOGIN)
        .setFeature(featureUse ? pick(features) : null)
        .build();
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static void add(Map<String, List<String>> index, String account, String value) {
    List<String> values = index.computeIfAbsent(account, a -> new ArrayList<>());
    if (!values.contains(value)) {
      values.add(value);
    }
  }
}
