package dev.vitals.topology;

import dev.vitals.schema.CostCentre;
import dev.vitals.schema.CostEntry;
import java.time.Instant;
import java.time.LocalDate;

/** A cost centre's spend for one month, as last reported (a correction replaces the earlier entry). */
public record MonthlyCost(CostCentre centre, LocalDate month, long amountCents, Integer newAccounts,
    Instant reportedAt) {

  static MonthlyCost of(CostEntry entry) {
    return new MonthlyCost(entry.getCentre(), entry.getMonth(), entry.getAmountCents(), entry.getNewAccounts(),
        entry.getOccurredAt());
  }

  /** The ledger key: one entry per centre and month. */
  String ledgerKey() {
    return centre + "|" + month;
  }
}
