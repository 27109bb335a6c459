package dev.vitals.state;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.featureUsed;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.ticketStep;

import dev.vitals.events.EventType;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.TicketEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Hand-made account histories for the state tests: every kind of event, over as many days as asked. */
final class AccountHistories {
  private AccountHistories() {}

  /** {@code days} days of a busy account from 2026-03-01: profile, subscription, daily logins, tickets, surveys. */
  static List<SpecificRecord> busyAccount(String account, int days) {
    List<SpecificRecord> events = new ArrayList<>();
    events.add(profile(account, "2026-03-01T00:00:00Z", Segment.MID_MARKET, "reports", "export").build());
    events.add(subscribed(account, "2026-03-01T00:00:00Z", 90_000, 25, "2027-03-01"));
    for (int day = 0; day < days; day++) {
      String date = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(86_400L * day).toString().substring(0, 10);
      for (int user = 0; user < 12; user++) {
        events.add(login(account, date + "T09:0" + (user % 10) + ":00Z", "user-" + user));
      }
      events.add(featureUsed(account, date + "T10:00:00Z", "user-1", day % 2 == 0 ? "reports" : "export"));
      if (day % 3 == 0) {
        String ticket = "t-" + day;
        events.add(ticketStep(account, date + "T11:00:00Z", ticket, TicketEventKind.OPENED));
        events.add(ticketStep(account, date + "T12:00:00Z", ticket, TicketEventKind.AGENT_REPLIED));
        events.add(ticketStep(account, date + "T15:00:00Z", ticket, TicketEventKind.RESOLVED));
      }
      if (day % 10 == 0) {
        events.add(answer(account, date + "T16:00:00Z", "r-" + day, SurveyKind.NPS, 9));
        events.add(billing(account, date + "T00:30:00Z", BillingEventKind.INVOICE_PAID).build());
      }
    }
    return events;
  }

  static Instant occurredAt(SpecificRecord event) {
    return EventType.occurredAt(event);
  }
}
