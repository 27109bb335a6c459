package dev.vitals.topology;

import dev.vitals.schema.CostCentre;
import dev.vitals.schema.CostEntry;
import dev.vitals.state.stored.StoredMonthlyCost;
import java.time.Instant;
import java.time.LocalDate;

/** A cost centre's spend for one month, as last reported (a correction replaces the earlier entry). */
public record MonthlyCost(CostCentre centre, LocalDate month, long amountCents, Integer newAccounts,
    Instant reportedAt) {

  static MonthlyCost of(CostEntry entry) {
    return new MonthlyCost(entry.getCentre(), entry.getMonth(), entry.getAmountCents(), entry.getNewAccounts(),
        entry.getOccurredAt());
  }

  static MonthlyCost of(StoredMonthlyCost stored) {
    return new MonthlyCost(CostCentre.valueOf(stored.getCentre()), LocalDate.ofEpochDay(stored.getMonthEpochDay()),
        stored.getAmountCents(), stored.getNewAccounts(), Instant.ofEpochMilli(stored.getReportedAt()));
  }

  StoredMonthlyCost stored() {
    return new StoredMonthlyCost(centre.name(), month.toEpochDay(), amountCents, newAccounts,
        reportedAt.toEpochMilli());
  }

  /** The ledger key: one entry per centre and month. */
  String ledgerKey() {
    return centre + "|" + month;
  }
}
