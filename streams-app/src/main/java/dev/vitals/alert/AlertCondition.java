package dev.vitals.alert;

import dev.vitals.schema.Severity;

/** A rule that holds right now: how serious it is and why, in words a CSM can act on. */
public record AlertCondition(Severity severity, String reason) {}
