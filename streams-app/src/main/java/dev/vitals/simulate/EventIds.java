package dev.vitals.simulate;

import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Event ids that look like the random UUIDs real producers send but come from the seeded
 * generator, so that the same seed gives the same ids (and de-duplication tests can replay them).
 */
final class EventIds {
  private EventIds() {}

  static String next(RandomGenerator rng) {
    long high = (rng.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }
}
