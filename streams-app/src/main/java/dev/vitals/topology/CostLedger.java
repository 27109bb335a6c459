package dev.vitals.topology;

import dev.vitals.schema.CostEntry;
import dev.vitals.state.stored.StoredMonthlyCost;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest reported spend per cost centre and month for the cost KPIs (CAC, cost to retain, support cost).
 * An entry is an upsert, so a re-delivered or corrected entry never counts twice; an older report of the same month
 * arriving late does not overwrite a newer one.
 */
final class CostLedger implements FixedKeyProcessor<String, InboundEvent, Void> {
  private KeyValueStore<String, StoredMonthlyCost> ledger;

  @Override
  public void init(FixedKeyProcessorContext<String, Void> context) {
    this.ledger = context.getStateStore(StoreNames.COST_LEDGER);
  }

  @Override
  public void process(FixedKeyRecord<String, InboundEvent> record) {
    MonthlyCost cost = MonthlyCost.of((CostEntry) record.value().payload());
    StoredMonthlyCost known = ledger.get(cost.ledgerKey());
    if (cost.replaces(known == null ? null : MonthlyCost.of(known))) {
      ledger.put(cost.ledgerKey(), cost.stored());
    }
  }
}
