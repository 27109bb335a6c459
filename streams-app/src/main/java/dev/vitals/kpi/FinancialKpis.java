package dev.vitals.kpi;

import java.time.LocalDate;

/**
 * Billing KPIs (SPEC §3).
 *
 * @param mrrCents latest known MRR in cents (by event time); null before any billing event set it
 * @param mrrCents30dAgo MRR in cents 30 days before asOf; null when unknown then
 * @param subscribed true when the latest MRR is above zero
 * @param cancelled true when the latest subscription event is CANCELLED
 * @param paymentFailures30d PAYMENT_FAILED events in the last 30 days not followed by an INVOICE_PAID
 * @param renewalDate latest known renewal date; null when unknown
 * @param daysToRenewal days from asOf (UTC date) to renewalDate; negative when overdue; null when unknown
 */
public record FinancialKpis(
    Long mrrCents,
    Long mrrCents30dAgo,
    boolean subscribed,
    boolean cancelled,
    int paymentFailures30d,
    LocalDate renewalDate,
    Integer daysToRenewal) {

  /** True when any billing event set the account's MRR. */
  public boolean hasData() {
    return mrrCents != null;
  }
}
