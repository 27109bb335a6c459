package dev.vitals.scoring;

import dev.vitals.kpi.SupportKpis;
import java.util.List;
import java.util.function.Supplier;

/** Reads the support factors' inputs from {@link SupportKpis}. */
final class SupportObservations {
  private SupportObservations() {}

  static List<Observation> of(SupportKpis k) {
    return List.of(openTickets(k), escalatedTickets(k), firstResponse(k), resolution(k), fcr(k));
  }

  private static Observation openTickets(SupportKpis k) {
    Supplier<String> detail = () -> k.openTickets() == 0 ? "no open tickets" : Texts.count(k.openTickets(), "open ticket", "open tickets");
    return new Observation(FactorId.OPEN_TICKETS, (double) k.openTickets(), detail);
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
    return new Observation(FactorId.FIRST_CONTACT_RESOLUTION, k.fcr(), detail);
  }
}
