package dev.vitals.testing;

import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.CostCentre;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Small builders for input events: each presets the envelope (a fresh eventId, the account, the event time) and
 * returns the Avro builder, so a test sets only the fields its behaviour is about.
 */
public final class TestEvents {
  private TestEvents() {}

  public static Instant at(String instant) {
    return Instant.parse(instant);
  }

  public static UsageEvent.Builder usage(String account, String at, UsageKind kind) {
    return UsageEvent.newBuilder().setEventId(newId()).setAccountId(account).setOccurredAt(at(at)).setKind(kind);
  }

  public static UsageEvent login(String account, String at, String user) {
    return usage(account, at, UsageKind.LOGIN).setUserId(user).build();
  }

  public static UsageEvent featureUsed(String account, String at, String user, String feature) {
    return usage(account, at, UsageKind.FEATURE_USED).setUserId(user).setFeature(feature).build();
  }

  /** A MILESTONE reached, named {@code name} (onboarding-complete and the others). */
  public static UsageEvent milestone(String account, String at, String name) {
    return usage(account, at, UsageKind.MILESTONE).setFeature(name).build();
  }

  /** {@code count} API calls without errors, in one event. */
  public static UsageEvent apiCall(String account, String at, int count) {
    return usage(account, at, UsageKind.API_CALL).setFeature("/v1/reports").setCount(count).build();
  }

  /** One view of the help article {@code article} by {@code user}. */
  public static UsageEvent docViewed(String account, String at, String user, String article) {
    return usage(account, at, UsageKind.DOC_VIEWED).setUserId(user).setFeature(article).build();
  }

  public static TicketEvent.Builder ticket(String account, String at, String ticketId, TicketEventKind kind) {
    return TicketEvent.newBuilder().setEventId(newId()).setAccountId(account).setOccurredAt(at(at))
        .setTicketId(ticketId).setKind(kind);
  }

  public static TicketEvent ticketStep(String account, String at, String ticketId, TicketEventKind kind) {
    return ticket(account, at, ticketId, kind).build();
  }

  public static BillingEvent.Builder billing(String account, String at, BillingEventKind kind) {
    return BillingEvent.newBuilder().setEventId(newId()).setAccountId(account).setOccurredAt(at(at)).setKind(kind);
  }

  /** A subscription start with MRR, seats and a renewal date. */
  public static BillingEvent subscribed(String account, String at, long mrrCents, int seats, String renewalDate) {
    return billing(account, at, BillingEventKind.SUBSCRIPTION_STARTED).setMrrCents(mrrCents).setSeats(seats)
        .setRenewalDate(LocalDate.parse(renewalDate)).build();
  }

  public static SurveyResponse.Builder survey(String account, String at, String respondent, SurveyKind survey,
      int score) {
    return SurveyResponse.newBuilder().setEventId(newId()).setAccountId(account).setOccurredAt(at(at))
        .setRespondentId(respondent).setSurvey(survey).setScore(score);
  }

  public static SurveyResponse answer(String account, String at, String respondent, SurveyKind survey, int score) {
    return survey(account, at, respondent, survey, score).build();
  }

  public static AccountProfile.Builder profile(String account, String at, Segment segment, String... keyFeatures) {
    return AccountProfile.newBuilder().setEventId(newId()).setAccountId(account).setOccurredAt(at(at))
        .setName(account + " Inc.").setSegment(segment).setCsm("csm-" + account)
        .setKeyFeatures(List.of(keyFeatures));
  }

  public static CostEntry cost(CostCentre centre, String at, String month, long amountCents) {
    return CostEntry.newBuilder().setEventId(newId()).setAccountId(centre.name()).setOccurredAt(at(at))
        .setCentre(centre).setMonth(LocalDate.parse(month)).setAmountCents(amountCents).build();
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
