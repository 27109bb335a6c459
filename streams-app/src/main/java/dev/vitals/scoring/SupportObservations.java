package dev.vitals.scoring;

import dev.vitals.kpi.SupportKpis;
import java.util.List;
import java.util.function.Supplier;

/** Reads the support factors' inputs from {@link SupportKpis}. */
final class SupportObservations {
  private SupportObservations() {}

  /** {@code activeUsers30d} sizes the ticket volume: ten tickets are routine for 200 users, a crisis for 5. */
  static List<Observation> of(SupportKpis k, int activeUsers30d) {
    return List.of(ticketRate(k, activeUsers30d), escalatedTickets(k), firstResponse(k), resolution(k), fcr(k));
  }

  /** Tickets opened in 30 days per active user (at least one, so an account whose users left is not spared). */
  private static Observation ticketRate(SupportKpis k, int activeUsers30d) {
    int users = Math.max(1, activeUsers30d);
    double rate = (double) k.ticketsOpened30d() / users;
    Supplier<String> detail = () -> Texts.count(k.ticketsOpened30d(), "ticket", "tickets") + " opened in 30 days for "
        + Texts.count(activeUsers30d, "active user", "active users") + " (" + Texts.decimal2(rate) + " per user)";
    return new Observation(FactorId.TICKETS_PER_ACTIVE_USER, rate, detail);
  }

  private static Observation escalatedTickets(SupportKpis k) {
    int n = k.escalatedOpenTickets();
    Supplier<String> detail = () -> n == 0 ? "no escalated open tickets" : Texts.count(n, "escalated open ticket", "escalated open tickets");
    return new Observation(FactorId.ESCALATED_TICKETS, (double) n, detail);
  }

  private static Observation firstResponse(SupportKpis k) {
    if (k.firstResponseMedian() == null) {
      return Observation.absent(FactorId.FIRST_RESPONSE_HOURS);
    }
    Supplier<String> detail = () -> "first response median " + Texts.duration(k.firstResponseMedian()) + " ("
        + Texts.count(k.ticketsOpened30d(), "ticket", "tickets") + " opened in 30 days)";
    return new Observation(FactorId.FIRST_RESPONSE_HOURS, Texts.hours(k.firstResponseMedian()), detail);
  }

  private static Observation resolution(SupportKpis k) {
    if (k.resolutionMedian() == null) {
      return Observation.absent(FactorId.RESOLUTION_HOURS);
    }
    Supplier<String> detail = () -> "resolution median " + Texts.duration(k.resolutionMedian()) + " ("
        + Texts.count(k.ticketsResolved30d(), "ticket", "tickets") + " resolved in 30 days)";
    return new Observation(FactorId.RESOLUTION_HOURS, Texts.hours(k.resolutionMedian()), detail);
  }

  private static Observation fcr(SupportKpis k) {
    if (k.fcr() == null) {
      return Observation.absent(FactorId.FIRST_CONTACT_RESOLUTION);
    }
    Supplier<String> detail = () -> "first contact resolution " + Texts.percent(k.fcr()) + " of "
        + Texts.count(k.ticketsResolved30d(), "ticket", "tickets") + " resolved in 30 days";
    return new Observation(FactorId.FIRST_CONTACT_RESOLUTION, k.fcr(), (double) k.ticketsResolved30d(), detail);
  }
}
