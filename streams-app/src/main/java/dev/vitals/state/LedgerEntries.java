package dev.vitals.state;

import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.ActiveDays;
import dev.vitals.kpi.BillingEntry;
import dev.vitals.kpi.BillingLedger;
import dev.vitals.kpi.DailyUsage;
import dev.vitals.kpi.ProfileView;
import dev.vitals.kpi.SurveyAnswer;
import dev.vitals.kpi.TicketHistory;
import dev.vitals.kpi.TicketStep;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.state.stored.StoredActiveDays;
import dev.vitals.state.stored.StoredArticleViews;
import dev.vitals.state.stored.StoredBilling;
import dev.vitals.state.stored.StoredBillingEntry;
import dev.vitals.state.stored.StoredMilestone;
import dev.vitals.state.stored.StoredProfile;
import dev.vitals.state.stored.StoredSurveyAnswer;
import dev.vitals.state.stored.StoredTicket;
import dev.vitals.state.stored.StoredTicketStep;
import dev.vitals.state.stored.StoredUsageDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an account's in-memory ledgers onto their stored entries and back: one entry per usage day, user, feature,
 * milestone, feature's first use, ticket and survey answer, one for billing and one for the profile. Encoding one entry reads only the
 * part of the state its key names, which is what lets an event write only what it touched.
 */
final class LedgerEntries {
  private final StateFormat format;

  LedgerEntries(StateFormat format) {
    this.format = format;
  }

  /** The keys of every entry the state holds now. */
  static List<EntryKey> keysOf(AccountState state) {
    String id = state.accountId;
    List<EntryKey> keys = new ArrayList<>();
    state.usage.days.keySet().forEach(day -> keys.add(new EntryKey(id, EntryKind.USAGE_DAY, Long.toString(day))));
    state.usage.users.keySet().forEach(user -> keys.add(new EntryKey(id, EntryKind.USER, user)));
    state.usage.features.keySet().forEach(feature -> keys.add(new EntryKey(id, EntryKind.FEATURE, feature)));
    state.usage.milestones.keySet().forEach(name -> keys.add(new EntryKey(id, EntryKind.MILESTONE, name)));
    state.usage.firstUses.keySet().forEach(feature -> keys.add(new EntryKey(id, EntryKind.FIRST_USE, feature)));
    state.usage.articles.days.forEach((day, views) -> views.keySet()
        .forEach(article -> keys.add(new EntryKey(id, EntryKind.ARTICLE_DAY, articleDayPart(day, article)))));
    state.tickets.tickets.keySet().forEach(ticket -> keys.add(new EntryKey(id, EntryKind.TICKET, ticket)));
    state.surveys.answers.forEach(answer -> keys.add(surveyKey(id, answer)));
    if (!state.billing.isEmpty()) {
      keys.add(new EntryKey(id, EntryKind.BILLING, ""));
    }
    if (state.profile != null) {
      keys.add(new EntryKey(id, EntryKind.PROFILE, ""));
    }
    return keys;
  }

  /** The part of an article-day entry's key: the epoch day, U+001F, the article. */
  static String articleDayPart(long day, String article) {
    return day + "\u001F" + article;
  }

  static EntryKey surveyKey(String accountId, SurveyAnswer answer) {
    return new EntryKey(accountId, EntryKind.SURVEY, answer.identity());
  }

  /** The stored form of the entry {@code key} names; null when the state no longer holds it. */
  byte[] encode(AccountState state, EntryKey key) {
    String part = key.part();
    return switch (key.kind()) {
      case USAGE_DAY -> encodeDay(state.usage.days.get(Long.parseLong(part)));
      case USER -> encodeActiveDays(state.usage.users.get(part));
      case FEATURE -> encodeActiveDays(state.usage.features.get(part));
      case MILESTONE -> {
        Instant reached = state.usage.milestones.get(part);
        yield reached == null ? null : format.encode(new StoredMilestone(reached.toEpochMilli()));
      }
      case FIRST_USE -> {
        Instant first = state.usage.firstUses.get(part);
        yield first == null ? null : format.encode(new StoredMilestone(first.toEpochMilli()));
      }
      case ARTICLE_DAY -> {
        int split = part.indexOf('\u001F');
        Long views = state.usage.articles.viewsOf(Long.parseLong(part.substring(0, split)), part.substring(split + 1));
        yield views == null ? null : format.encode(new StoredArticleViews(views));
      }
      case TICKET -> encodeTicket(state.tickets.tickets.get(part));
      case SURVEY -> encodeAnswer(state.surveys.find(key.part()));
      case BILLING -> state.billing.isEmpty() ? null : encodeBilling(state.billing);
      case PROFILE -> state.profile == null ? null : encodeProfile(state.profile);
    };
  }

  /** Puts one stored entry back into the state. */
  void decodeInto(AccountState state, EntryKey key, byte[] bytes) {
    String part = key.part();
    switch (key.kind()) {
      case USAGE_DAY -> state.usage.days.put(Long.parseLong(part), decodeDay(bytes));
      case USER -> state.usage.users.put(part, decodeActiveDays(bytes));
      case FEATURE -> state.usage.features.put(part, decodeActiveDays(bytes));
      case MILESTONE -> state.usage.milestones.put(part,
          Instant.ofEpochMilli(format.decode(bytes, StoredMilestone.class).getReachedAt()));
      case FIRST_USE -> state.usage.firstUses.put(part,
          Instant.ofEpochMilli(format.decode(bytes, StoredMilestone.class).getReachedAt()));
      case ARTICLE_DAY -> {
        int split = part.indexOf('\u001F');
        state.usage.articles.restore(Long.parseLong(part.substring(0, split)), part.substring(split + 1),
            format.decode(bytes, StoredArticleViews.class).getViews());
      }
      case TICKET -> state.tickets.tickets.put(part, decodeTicket(bytes));
      case SURVEY -> state.surveys.answers.add(decodeAnswer(bytes));
      case BILLING -> decodeBilling(bytes, state.billing);
      case PROFILE -> state.profile = decodeProfile(bytes);
    }
  }

  private byte[] encodeDay(DailyUsage day) {
    return day == null ? null
        : format.encode(new StoredUsageDay(day.events, day.apiCalls, day.apiErrors, day.docViews));
  }

  private DailyUsage decodeDay(byte[] bytes) {
    StoredUsageDay stored = format.decode(bytes, StoredUsageDay.class);
    DailyUsage day = new DailyUsage();
    day.events = stored.getEvents();
    day.apiCalls = stored.getApiCalls();
    day.apiErrors = stored.getApiErrors();
    day.docViews = stored.getDocViews();
    return day;
  }

  private byte[] encodeActiveDays(ActiveDays days) {
    return days == null ? null : format.encode(new StoredActiveDays(days.latestDay, days.mask));
  }

  private ActiveDays decodeActiveDays(byte[] bytes) {
    StoredActiveDays stored = format.decode(bytes, StoredActiveDays.class);
    ActiveDays days = new ActiveDays();
    days.latestDay = stored.getLatestDay();
    days.mask = stored.getMask();
    return days;
  }

  private byte[] encodeTicket(TicketHistory ticket) {
    if (ticket == null) {
      return null;
    }
    List<StoredTicketStep> steps = new ArrayList<>(ticket.steps.size());
    ticket.steps.forEach(step -> steps.add(new StoredTicketStep(step.at().toEpochMilli(), step.kind().name())));
    return format.encode(new StoredTicket(steps, ticket.category, ticket.agentId, ticket.priority));
  }

  private TicketHistory decodeTicket(byte[] bytes) {
    StoredTicket stored = format.decode(bytes, StoredTicket.class);
    TicketHistory ticket = new TicketHistory();
    stored.getSteps().forEach(step -> ticket.steps.add(
        new TicketStep(Instant.ofEpochMilli(step.getAt()), TicketEventKind.valueOf(step.getKind()))));
    ticket.category = stored.getCategory();
    ticket.agentId = stored.getAgentId();
    ticket.priority = stored.getPriority();
    return ticket;
  }

  private byte[] encodeAnswer(SurveyAnswer answer) {
    return answer == null ? null : format.encode(new StoredSurveyAnswer(answer.at().toEpochMilli(),
        answer.respondentId(), answer.survey().name(), answer.score(), answer.touchpoint()));
  }

  private SurveyAnswer decodeAnswer(byte[] bytes) {
    StoredSurveyAnswer stored = format.decode(bytes, StoredSurveyAnswer.class);
    return new SurveyAnswer(Instant.ofEpochMilli(stored.getAt()), stored.getRespondentId(),
        SurveyKind.valueOf(stored.getSurvey()), stored.getScore(), stored.getTouchpoint());
  }

  private byte[] encodeBilling(BillingLedger billing) {
    List<StoredBillingEntry> entries = new ArrayList<>(billing.entries.size());
    for (BillingEntry entry : billing.entries) {
      entries.add(new StoredBillingEntry(entry.at().toEpochMilli(), entry.kind().name(), entry.mrrCents(),
          entry.seats(), epochDay(entry.renewalDate())));
    }
    return format.encode(new StoredBilling(entries, billing.baselineMrrCents, billing.baselineSeats,
        epochDay(billing.baselineRenewalDate), billing.baselineCancelled, millis(billing.baselineSubscribedSince),
        billing.renewals));
  }

  private void decodeBilling(byte[] bytes, BillingLedger billing) {
    StoredBilling stored = format.decode(bytes, StoredBilling.class);
    for (StoredBillingEntry entry : stored.getEntries()) {
      billing.entries.add(new BillingEntry(Instant.ofEpochMilli(entry.getAt()),
          BillingEventKind.valueOf(entry.getKind()), entry.getMrrCents(), entry.getSeats(),
          date(entry.getRenewalEpochDay())));
    }
    billing.baselineMrrCents = stored.getBaselineMrrCents();
    billing.baselineSeats = stored.getBaselineSeats();
    billing.baselineRenewalDate = date(stored.getBaselineRenewalEpochDay());
    billing.baselineCancelled = stored.getBaselineCancelled();
    billing.baselineSubscribedSince = instant(stored.getBaselineSubscribedSince());
    billing.renewals = stored.getRenewals();
  }

  private byte[] encodeProfile(ProfileView profile) {
    return format.encode(new StoredProfile(profile.name(),
        profile.segment() == null ? null : profile.segment().name(), profile.csm(), profile.region(),
        profile.keyFeatures(), profile.updatedAt().toEpochMilli()));
  }

  private ProfileView decodeProfile(byte[] bytes) {
    StoredProfile stored = format.decode(bytes, StoredProfile.class);
    return new ProfileView(stored.getName(), stored.getSegment() == null ? null : Segment.valueOf(stored.getSegment()),
        stored.getCsm(), stored.getRegion(), List.copyOf(stored.getKeyFeatures()),
        Instant.ofEpochMilli(stored.getUpdatedAt()));
  }

  static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private static Long epochDay(LocalDate date) {
    return date == null ? null : date.toEpochDay();
  }

  private static LocalDate date(Long epochDay) {
    return epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
  }
}
