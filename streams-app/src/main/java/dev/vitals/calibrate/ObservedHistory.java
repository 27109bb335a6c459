package dev.vitals.calibrate;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What calibration needs of a replayed history: each account's band timeline, the outcome (each cancelled account's
 * first cancellation, the {@code occurredAt} of its earliest CANCELLED billing event), the accounts that renewed,
 * and the end of the history (the latest event time the pipeline took). Accounts are the keys of {@code timelines}
 * and {@code cancelledAt} together.
 */
public record ObservedHistory(Map<String, BandTimeline> timelines, Map<String, Instant> cancelledAt,
    Set<String> renewed, Instant end) {}
