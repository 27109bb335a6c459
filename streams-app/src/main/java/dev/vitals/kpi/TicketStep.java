package dev.vitals.kpi;

import dev.vitals.schema.TicketEventKind;
import java.time.Instant;

/** One event in a ticket's life, kept so the lifecycle can be rebuilt in event time whatever the arrival order. */
public record TicketStep(Instant at, TicketEventKind kind) {}
