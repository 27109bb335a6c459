package dev.vitals.topology;

import dev.vitals.schema.CostCentre;
import dev.vitals.schema.CostEntry;
import dev.vitals.state.stored.StoredMonthlyCost;
import java.time.Instant;
import java.time.LocalDate;

/** A cost centre's spend for one month, as last reported (a correction replaces the earlier entry). */
public record MonthlyCost(CostCentre centre, LocalDate month, long amountCents, Integer newAccounts,
    Instant reportedAt) {

  public static MonthlyCost of(CostEntry entry) {
    return new MonthlyCost(entry.getCentre(), entry.getMonth(), entry.getAmountCents(), entry.getNewAccounts(),
        entry.getOccurredAt());
  }

  public static MonthlyCost of(StoredMonthlyCost stored) {
    return new MonthlyCost(CostCentre.valueOf(stored.getCentre()), LocalDate.ofEpochDay(stored.getMonthEpochDay()),
        stored.getAmountCents(), stored.getNewAccounts(), Instant.ofEpochMilli(stored.getReportedAt()));
  }

  StoredMonthlyCost stored() {
    return new StoredMonthlyCost(centre.name(), month.toEpochDay(), amountCents, newAccounts,
        reportedAt.toEpochMilli());
  }

  /**
   * True when this report replaces {@code known} (null: none) for the same centre and month: an older report of
   * the same month arriving late does not overwrite a newer one.
   */
  public boolean replaces(MonthlyCost known) {
    return known == null || !reportedAt.isBefore(known.reportedAt());
  }

  /** The ledger key: one entry per centre and month. */
  public String ledgerKey() {
    return centre + "|" + month;
  }
}
