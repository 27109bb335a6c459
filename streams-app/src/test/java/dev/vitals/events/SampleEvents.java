package dev.vitals.events;

import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.CostCentre;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketChannel;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.schema.TicketPriority;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One valid event of each type, for tests to start from and break one field at a time. */
final class SampleEvents {
  static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");

  private SampleEvents() {}

  static UsageEvent usage() {
    return UsageEvent.newBuilder().setEventId("e-1").setAccountId("acc-1").setOccurredAt(AT)
        .setUserId("u-1").setKind(UsageKind.API_CALL).setFeature("/v1/events").setCount(120).setErrorCount(3)
        .build();
  }

  static TicketEvent ticket() {
    return TicketEvent.newBuilder().setEventId("e-2").setAccountId("acc-1").setOccurredAt(AT)
        .setTicketId("T-1").setKind(TicketEventKind.OPENED).setPriority(TicketPriority.HIGH)
        .setChannel(TicketChannel.CHAT).setCategory("bug").setAgentId(null).build();
  }

  static BillingEvent billing() {
    return BillingEvent.newBuilder().setEventId("e-3").setAccountId("acc-1").setOccurredAt(AT)
        .setKind(BillingEventKind.SUBSCRIPTION_STARTED).setMrrCents(300_000L).setSeats(50).setPlan("business")
        .setRenewalDate(LocalDate.parse("2026-09-30")).setAmountCents(null).build();
  }

  static SurveyResponse survey() {
    return SurveyResponse.newBuilder().setEventId("e-4").setAccountId("acc-1").setOccurredAt(AT)
        .setRespondentId("u-1").setSurvey(SurveyKind.NPS).setScore(9).setComment("Great support")
        .setTouchpoint(null).build();
  }

  static AccountProfile account() {
    return AccountProfile.newBuilder().setEventId("e-5").setAccountId("acc-1").setOccurredAt(AT)
        .setName("Northwind Logistics").setSegment(Segment.MID_MARKET).setCsm("Maria Lopez").setRegion("EMEA")
        .setKeyFeatures(List.of("dashboards", "alerts", "workflows")).build();
  }

  static CostEntry cost() {
    return CostEntry.newBuilder().setEventId("e-6").setAccountId("ACQUISITION").setOccurredAt(AT)
        .setCentre(CostCentre.ACQUISITION).setMonth(LocalDate.parse("2026-03-01")).setAmountCents(2_500_000L)
        .setNewAccounts(3).build();
  }

  static List<org.apache.avro.specific.SpecificRecord> all() {
    return List.of(usage(), ticket(), billing(), survey(), account(), cost());
  }
}
