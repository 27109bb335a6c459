package dev.vitals.metrics;

import dev.vitals.testing.PipelineDriver;
import dev.vitals.topology.StoreNames;

/** The metrics' views of a {@link PipelineDriver}'s stores: what a scrape reads from a running instance's. */
final class PipelineDriverStores {
  private PipelineDriverStores() {}

  static OwnedAccounts accounts(PipelineDriver pipeline) {
    return OwnedAccounts.of(pipeline.store(StoreNames.ACCOUNT_HEALTH), pipeline.store(StoreNames.ACCOUNT_FIGURES),
        pipeline.store(StoreNames.ACCOUNT_RETENTION));
  }

  static OwnedTickets tickets(PipelineDriver pipeline) {
    return OwnedTickets.of(pipeline.store(StoreNames.AGENT_TICKETS));
  }
}
