package dev.vitals.state;

import dev.vitals.kpi.EventDay;
import dev.vitals.kpi.SurveyAnswer;
import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.UsageEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** The ledger entries one input event changes: all an event ever writes besides the account's summary. */
final class EventFootprint {
  private EventFootprint() {}

  static List<EntryKey> of(String accountId, SpecificRecord event) {
    List<EntryKey> keys = new ArrayList<>(3);
    if (event instanceof UsageEvent usage) {
      keys.add(new EntryKey(accountId, EntryKind.USAGE_DAY, Long.toString(EventDay.of(usage.getOccurredAt()))));
      if (usage.getUserId() != null) {
        keys.add(new EntryKey(accountId, EntryKind.USER, usage.getUserId()));
      }
      if (usage.getFeature() != null) {
        switch (usage.getKind()) {
          case FEATURE_USED -> {
            keys.add(new EntryKey(accountId, EntryKind.FEATURE, usage.getFeature()));
            keys.add(new EntryKey(accountId, EntryKind.FIRST_USE, usage.getFeature()));
          }
          case MILESTONE -> keys.add(new EntryKey(accountId, EntryKind.MILESTONE, usage.getFeature()));
          case DOC_VIEWED -> keys.add(new EntryKey(accountId, EntryKind.ARTICLE_DAY,
              LedgerEntries.articleDayPart(EventDay.of(usage.getOccurredAt()), usage.getFeature())));
          case LOGIN, API_CALL -> { }
        }
      }
    } else if (event instanceof TicketEvent ticket) {
      keys.add(new EntryKey(accountId, EntryKind.TICKET, ticket.getTicketId()));
    } else if (event instanceof BillingEvent) {
      keys.add(new EntryKey(accountId, EntryKind.BILLING, ""));
    } else if (event instanceof SurveyResponse response) {
      keys.add(new EntryKey(accountId, EntryKind.SURVEY,
          SurveyAnswer.identity(response.getOccurredAt(), response.getRespondentId(), response.getSurvey())));
    } else if (event instanceof AccountProfile) {
      keys.add(new EntryKey(accountId, EntryKind.PROFILE, ""));
    }
    return keys;
  }
}
