package dev.vitals.scoring;

import java.time.Duration;

/**
 * Event-time policy of the pipeline (SPEC §5), kept beside the model because it decides which events a score
 * reflects.
 *
 * @param grace how late (in event time) an event may arrive and still be applied; later ones go to the DLQ
 * @param maxFutureSkew an event whose occurredAt is later than its record timestamp plus this is rejected
 * @param emitInterval how often accounts whose score, band or alerts changed are emitted
 */
public record PipelinePolicy(Duration grace, Duration maxFutureSkew, Duration emitInterval) {

  public PipelinePolicy {
    Checks.notNegative("grace", grace);
    Checks.notNegative("maxFutureSkew", maxFutureSkew);
    Checks.positive("emitInterval", emitInterval);
  }
}
