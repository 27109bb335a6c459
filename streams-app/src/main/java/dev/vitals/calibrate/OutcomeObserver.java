package dev.vitals.calibrate;

import dev.vitals.events.EventType;
import dev.vitals.replay.ReplayListener;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.CostEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;

/**
 * Watches a replay and keeps only what calibration needs: per account the band changes of its health records, its
 * first cancellation and whether it renewed, and the latest event time. Health records themselves are not kept.
 */
final class OutcomeObserver implements ReplayListener {
  private final Map<String, BandTimeline> timelines = new TreeMap<>();
  private final Map<String, Instant> cancelledAt = new TreeMap<>();
  private final Set<String> renewed = new TreeSet<>();
  private Instant end;

  @Override
  public void accepted(SpecificRecord event) {
    if (event instanceof CostEntry) {
      return; // a cost centre's spend, not an account's event: it does not move the pipeline's event clock either
    }
    Instant occurredAt = EventType.occurredAt(event);
    if (end == null || occurredAt.isAfter(end)) {
      end = occurredAt;
    }
    if (event instanceof BillingEvent billing) {
      if (billing.getKind() == BillingEventKind.CANCELLED) {
        cancelledAt.merge(billing.getAccountId(), occurredAt, (a, b) -> a.isBefore(b) ? a : b);
      } else if (billing.getKind() == BillingEventKind.RENEWED) {
        renewed.add(billing.getAccountId());
      }
    }
  }

  @Override
  public void health(AccountHealth health) {
    timelines.computeIfAbsent(health.getAccountId(), account -> new BandTimeline())
        .record(health.getAsOf(), health.getBand());
  }

  ObservedHistory history() {
    return new ObservedHistory(timelines, cancelledAt, renewed, end);
  }
}
