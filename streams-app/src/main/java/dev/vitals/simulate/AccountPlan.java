package dev.vitals.simulate;

import dev.vitals.schema.Segment;

/**
 * What is fixed about a simulated account before its history is played: who it is, what kind of
 * customer it is, when Vitals first sees it, and the seed of its own random generator (so one
 * account's story does not shift when another's changes).
 */
record AccountPlan(
    int index,
    String accountId,
    String name,
    Archetype archetype,
    Segment segment,
    String csm,
    String region,
    int startDay,
    long seed) {}
