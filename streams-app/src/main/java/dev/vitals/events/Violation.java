package dev.vitals.events;

/**
 * Why a decoded event's content is not acceptable: the field at fault and a reason in plain
 * English, e.g. {@code ("score", "score 11 out of range 0-10 for NPS")}. The pipeline sends such
 * events to the dead-letter topic with the reason in a header.
 */
public record Violation(String field, String reason) {}
