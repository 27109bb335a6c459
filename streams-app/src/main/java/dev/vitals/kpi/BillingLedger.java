package dev.vitals.kpi;

import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * An account's billing events in event time. Entries older than the retention are folded into a baseline (the last
 * MRR, seats, renewal date and subscription state they left), so "latest value" questions still have an answer.
 */
public final class BillingLedger {
  private static final Comparator<BillingEntry> IN_EVENT_TIME =
      Comparator.comparing(BillingEntry::at).thenComparing(BillingEntry::kind);

  /** Entries kept at most, outside the KPI windows; older ones are folded into the baseline within the retention. */
  static final int MAX_ENTRIES = 128;

  public List<BillingEntry> entries = new ArrayList<>();
  public Long baselineMrrCents;
  public Integer baselineSeats;
  public LocalDate baselineRenewalDate;
  public boolean baselineCancelled;
  /** When the subscription running at the baseline started; null when none was running. */
  public Instant baselineSubscribedSince;
  public int renewals;

  public BillingLedger() {}

  void record(BillingEvent event) {
    entries.add(new BillingEntry(event.getOccurredAt(), event.getKind(), event.getMrrCents(), event.getSeats(),
        event.getRenewalDate()));
    entries.sort(IN_EVENT_TIME);
    if (event.getKind() == BillingEventKind.RENEWED) {
      renewals++;
    }
  }

  /** True when no billing event was ever recorded. */
  public boolean isEmpty() {
    return entries.isEmpty() && baselineMrrCents == null && baselineSeats == null && baselineRenewalDate == null
        && !baselineCancelled && baselineSubscribedSince == null && renewals == 0;
  }

  FinancialKpis kpis(Instant asOf) {
    BillingPosition now = positionAt(asOf);
    BillingPosition monthAgo = positionAt(asOf.minus(KpiWindows.MRR_CHANGE));
    LocalDate today = EventDay.date(asOf);
    // A cancelled subscription has no renewal coming: its last renewal date is history, not a KPI.
    LocalDate renewal = now.cancelled ? null : now.renewalDate;
    return new FinancialKpis(
        now.mrrCents,
        monthAgo.mrrCents,
        now.subscribed(),
        now.cancelled,
        paymentFailuresAt(asOf),
        renewal,
        renewal == null ? null : (int) ChronoUnit.DAYS.between(today, renewal));
  }

  /** Seats as of {@code asOf}, for licence utilisation; none while cancelled (nobody is licensed any more). */
  Integer seatsAt(Instant asOf) {
    BillingPosition position = positionAt(asOf);
    return position.cancelled ? null : position.seats;
  }

  /** PAYMENT_FAILED events in the 30 days up to {@code asOf} that no later INVOICE_PAID (up to asOf) settled. */
  int paymentFailuresAt(Instant asOf) {
    Instant from = asOf.minus(KpiWindows.PAYMENT_FAILURES);
    int failures = 0;
    for (BillingEntry entry : entries) {
      if (entry.at().isAfter(asOf)) {
        break;
      }
      if (entry.kind() == BillingEventKind.INVOICE_PAID) {
        failures = 0;
      } else if (entry.kind() == BillingEventKind.PAYMENT_FAILED && entry.at().isAfter(from)) {
        failures++;
      }
    }
    return failures;
  }

  /**
   * When the subscription running at {@code asOf} started: the last time the account went from not subscribed
   * (no MRR, zero MRR or cancelled) to subscribed. Null when it is not subscribed at {@code asOf}.
   */
  public Instant subscribedSinceAt(Instant asOf) {
    BillingPosition position = baselinePosition();
    Instant since = baselineSubscribedSince;
    for (BillingEntry entry : entries) {
      if (entry.at().isAfter(asOf)) {
        break;
      }
      BillingPosition next = position.after(entry);
      if (next.subscribed() && !position.subscribed()) {
        since = entry.at();
      }
      position = next;
    }
    return position.subscribed() ? since : null;
  }

  /** Every retained MRR change in event time. */
  public List<MrrMovement> movements() {
    List<MrrMovement> movements = new ArrayList<>();
    Long mrr = baselineMrrCents;
    for (BillingEntry entry : entries) {
      if (entry.mrrCents() == null) {
        continue;
      }
      MrrMovement.Kind kind = MrrMovement.Kind.of(mrr, entry.mrrCents());
      if (kind != null) {
        movements.add(new MrrMovement(entry.at(), kind, Math.abs(entry.mrrCents() - (mrr == null ? 0 : mrr))));
      }
      mrr = entry.mrrCents();
    }
    return movements;
  }

  /** True when the account is subscribed (MRR above 0, not cancelled) at {@code asOf}. */
  public boolean subscribedAt(Instant asOf) {
    return positionAt(asOf).subscribed();
  }

  /** True when a RENEWED event falls in ({@code from}, {@code to}]. */
  boolean renewedWithin(Instant from, Instant to) {
    return entries.stream()
        .anyMatch(entry -> entry.kind() == BillingEventKind.RENEWED && TicketBook.within(entry.at(), from, to));
  }

  /**
   * True when a renewal fell due in ({@code from}, {@code to}]: a renewal date known by {@code to} (from any
   * billing event, or the baseline) lies in it. A renewal that came early, before its date, is due too: it is
   * counted where it happened ({@link #renewedWithin}), so a renewal rate never exceeds 1.
   */
  boolean renewalDueWithin(Instant from, Instant to) {
    if (dueWithin(baselineRenewalDate, from, to) || renewedWithin(from, to)) {
      return true;
    }
    return entries.stream().anyMatch(entry -> !entry.at().isAfter(to) && dueWithin(entry.renewalDate(), from, to));
  }

  private static boolean dueWithin(LocalDate renewalDate, Instant from, Instant to) {
    return renewalDate != null
        && TicketBook.within(renewalDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), from, to);
  }

  /** MRR as of {@code asOf}; null when unknown. */
  public Long mrrAt(Instant asOf) {
    return positionAt(asOf).mrrCents;
  }

  /**
   * Folds entries before {@code oldest} into the baseline, and, while more than {@link #MAX_ENTRIES} are kept, the
   * oldest ones before {@code windowsFrom} (where no billing KPI window reaches).
   */
  void prune(Instant oldest, Instant windowsFrom) {
    Iterator<BillingEntry> it = entries.iterator();
    while (it.hasNext()) {
      BillingEntry entry = it.next();
      boolean beyondRetention = entry.at().isBefore(oldest);
      boolean overCap = entries.size() > MAX_ENTRIES && entry.at().isBefore(windowsFrom);
      if (!beyondRetention && !overCap) {
        break;
      }
      baselineSubscribedSince = subscribedSinceAt(entry.at());
      baselineMrrCents = entry.mrrCents() != null ? entry.mrrCents() : baselineMrrCents;
      baselineSeats = entry.seats() != null ? entry.seats() : baselineSeats;
      baselineRenewalDate = entry.renewalDate() != null ? entry.renewalDate() : baselineRenewalDate;
      baselineCancelled = entry.changesSubscription() ? entry.kind() == BillingEventKind.CANCELLED : baselineCancelled;
      it.remove();
    }
  }

  private BillingPosition baselinePosition() {
    return new BillingPosition(baselineMrrCents, baselineSeats, baselineRenewalDate, baselineCancelled);
  }

  private BillingPosition positionAt(Instant asOf) {
    BillingPosition position = baselinePosition();
    for (BillingEntry entry : entries) {
      if (entry.at().isAfter(asOf)) {
        break;
      }
      position = position.after(entry);
    }
    return position;
  }

  /** The latest values the billing events up to some instant left. */
  private record BillingPosition(Long mrrCents, Integer seats, LocalDate renewalDate, boolean cancelled) {
    boolean subscribed() {
      return mrrCents != null && mrrCents > 0 && !cancelled;
    }

    BillingPosition after(BillingEntry entry) {
      return new BillingPosition(
          entry.mrrCents() != null ? entry.mrrCents() : mrrCents,
          entry.seats() != null ? entry.seats() : seats,
          entry.renewalDate() != null ? entry.renewalDate() : renewalDate,
          entry.changesSubscription() ? entry.kind() == BillingEventKind.CANCELLED : cancelled);
    }
  }
}
