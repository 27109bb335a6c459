package dev.vitals.kpi;

import dev.vitals.schema.BillingEventKind;
import java.time.Instant;
import java.time.LocalDate;

/** One retained billing event: only the fields the KPIs read. */
public record BillingEntry(Instant at, BillingEventKind kind, Long mrrCents, Integer seats, LocalDate renewalDate) {

  boolean changesSubscription() {
    return switch (kind) {
      case SUBSCRIPTION_STARTED, PLAN_CHANGED, RENEWED, CANCELLED -> true;
      case INVOICE_PAID, PAYMENT_FAILED -> false;
    };
  }
}
