package dev.vitals.scoring;

import java.time.Duration;

/**
 * Event-time policy of the pipeline (SPEC §5), kept beside the model because it decides which events a score
 * reflects.
 *
 * @param grace how late (in event time) an event may arrive and still be applied; later ones go to the DLQ
 * @param maxFutureSkew an event whose occurredAt is later than its record timestamp plus this is rejected
 * @param emitInterval how often accounts whose score, band or alerts changed are emitted
 * @param dataGap when a source silent for every account of a partition is a data gap (detection only)
 */
public record PipelinePolicy(Duration grace, Duration maxFutureSkew, Duration emitInterval, DataGapPolicy dataGap) {

  public PipelinePolicy {
    Checks.notNegative("grace", grace);
    Checks.notNegative("maxFutureSkew", maxFutureSkew);
    Checks.positive("emitInterval", emitInterval);
    Checks.present("dataGap", dataGap);
  }

  /** With the default data-gap thresholds. */
  public PipelinePolicy(Duration grace, Duration maxFutureSkew, Duration emitInterval) {
    this(grace, maxFutureSkew, emitInterval, DataGapPolicy.defaults());
  }
}
