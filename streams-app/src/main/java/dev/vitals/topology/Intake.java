package dev.vitals.topology;

/** What intake makes of one input record: an accepted event or a dead letter. */
public sealed interface Intake {

  record Accepted(InboundEvent event) implements Intake {}

  record Rejected(DeadLetter deadLetter) implements Intake {}
}
