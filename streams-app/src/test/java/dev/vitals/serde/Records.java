package dev.vitals.serde;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AccountKpiValues;
import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.CostCentre;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.HealthBand;
import dev.vitals.schema.HealthComponents;
import dev.vitals.schema.HealthFactor;
import dev.vitals.schema.Segment;
import dev.vitals.schema.Severity;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketChannel;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.schema.TicketPriority;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import dev.vitals.testing.ReleasedContracts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.avro.io.EncoderFactory;

/** Sample records of every contract, and helpers to write bytes the way other producers would. */
final class Records {

  static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");

  private Records() {}

  static UsageEvent usage() {
    return UsageEvent.newBuilder()
        .setEventId("u-1").setAccountId("acme").setOccurredAt(AT)
        .setUserId("alice").setKind(UsageKind.API_CALL).setFeature("/v1/reports")
        .setCount(40).setErrorCount(3)
        .build();
  }

  static TicketEvent ticket() {
    return TicketEvent.newBuilder()
        .setEventId("t-1").setAccountId("acme").setOccurredAt(AT)
        .setTicketId("T-100").setKind(TicketEventKind.OPENED).setPriority(TicketPriority.HIGH)
        .setChannel(TicketChannel.EMAIL).setCategory("complaint").setAgentId(null)
        .build();
  }

  static BillingEvent billing() {
    return BillingEvent.newBuilder()
        .setEventId("b-1").setAccountId("acme").setOccurredAt(AT)
        .setKind(BillingEventKind.RENEWED).setMrrCents(250_000L).setSeats(33).setPlan("growth")
        .setRenewalDate(LocalDate.parse("2026-09-30")).setAmountCents(3_000_000L).setCurrency("EUR")
        .build();
  }

  static SurveyResponse survey() {
    return SurveyResponse.newBuilder()
        .setEventId("s-1").setAccountId("acme").setOccurredAt(AT)
        .setRespondentId("bob").setSurvey(SurveyKind.CSAT).setScore(4)
        .setComment("quick answer").setTouchpoint("T-100")
        .build();
  }

  static CostEntry cost() {
    return CostEntry.newBuilder()
        .setEventId("c-1").setAccountId("ACQUISITION").setOccurredAt(AT)
        .setCentre(CostCentre.ACQUISITION).setMonth(LocalDate.parse("2026-03-01"))
        .setAmountCents(12_000_000L).setNewAccounts(7)
        .build();
  }

  static AccountProfile profile() {
    return AccountProfile.newBuilder()
        .setEventId("a-1").setAccountId("acme").setOccurredAt(AT)
        .setName("Acme Corp").setSegment(Segment.ENTERPRISE).setCsm("carol").setRegion("EMEA")
        .setKeyFeatures(List.of("reports", "alerts"))
        .build();
  }

  static AccountHealth health() {
    AccountKpiValues kpis = AccountKpiValues.newBuilder()
        .setActiveUsers30d(6).setSeats(33).setLicenseUtilization(6 / 33.0)
        .setUsageEvents7d(120).setUsageWeeklyAvgPrior28d(150.0).setUsageTrend(0.8)
        .setKeyFeatureAdoption(0.5).setApiCalls7d(40).setApiErrorRate(0.075)
        .setDaysSinceLastUsage(0).setPowerUsers30d(2).setDocViews30d(11)
        .setNps(-20.0).setNpsRespondents(5).setCsat(80.0).setCsatAnswers(5)
        .setCes(5.5).setCesAnswers(2).setOpenTickets(1).setTicketsOpened30d(3)
        .setFirstResponseMedianSeconds(3600L).setResolutionMedianSeconds(86_400L).setFcr(0.5)
        .setTicketsResolved30d(2).setMrrCents(250_000L).setSubscribed(true).setPaymentFailures30d(0)
        .setRenewalDate(LocalDate.parse("2026-09-30")).setDaysToRenewal(213)
        .build();
    return AccountHealth.newBuilder()
        .setAccountId("acme").setName("Acme Corp").setSegment(Segment.ENTERPRISE).setCsm("carol")
        .setScore(38.5).setBand(HealthBand.AT_RISK)
        .setComponents(HealthComponents.newBuilder().setUsage(30.0).setSupport(55.0).setFinancial(null)
            .setSentiment(40.0).build())
        .setCoverage(0.75).setDelta7d(-16.0)
        .setTopFactors(List.of(HealthFactor.newBuilder().setComponent("usage").setFactor("license_utilization")
            .setPoints(-12.5).setDetail("license utilisation 18% (6/33 seats)").build()))
        .setKpis(kpis).setOpenAlerts(List.of(AlertRule.AT_RISK, AlertRule.SCORE_DROP))
        .setModelVersion("2026.03").setAsOf(AT)
        .build();
  }

  static ChurnAlert alert() {
    return ChurnAlert.newBuilder()
        .setAlertId("acme/AT_RISK/" + AT).setAccountId("acme").setRule(AlertRule.AT_RISK)
        .setState(AlertState.RAISED).setSeverity(Severity.WARNING).setScore(38.5).setBand(HealthBand.AT_RISK)
        .setReason("score 38.5 entered AT_RISK").setSegment(Segment.ENTERPRISE).setCsm("carol")
        .setOccurredAt(AT).setModelVersion("2026.03")
        .build();
  }

  /** A released contract version, as shipped in the schemas jar. */
  static Schema releasedVersion(String contract, int version) {
    return ReleasedContracts.version(contract, version);
  }

  /** Plain Avro binary encoding, no framing. */
  static byte[] avroBinary(Schema schema, Object datum) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      // Specific records carry java.time values: write them with their class's own conversions.
      DatumWriter<Object> writer = datum instanceof SpecificRecordBase specific
          ? new SpecificDatumWriter<>(schema, specific.getSpecificData())
          : new GenericDatumWriter<>(schema);
      writer.write(datum, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What any Confluent-framing producer writes for {@code record} with schema id {@code id}. */
  static byte[] framed(int id, GenericRecord record) {
    return framed(id, avroBinary(record.getSchema(), record));
  }

  static byte[] framed(int id, byte[] body) {
    return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body).array();
  }
}
