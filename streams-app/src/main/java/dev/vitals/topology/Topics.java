package dev.vitals.topology;

import dev.vitals.schema.AccountHealth;
import dev.vitals.state.stored.StoredAccountFigures;
import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.CostEntry;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.UsageEvent;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.state.stored.StoredAgentHour;
import dev.vitals.state.stored.StoredAgentStep;
import dev.vitals.state.stored.StoredAgentTicket;
import dev.vitals.state.stored.StoredMonthlyCost;
import dev.vitals.state.stored.StoredRetention;
import dev.vitals.state.stored.StoredPoorRating;
import org.apache.kafka.common.serialization.Serde;

/**
 * Every topic the topology reads or writes, each described once with its serdes, plus the serdes of raw input
 * and internal state. Input values are read as raw bytes and decoded by intake with the value serde given here, so a bad
 * record becomes a dead letter rather than a deserialisation failure.
 */
public record Topics(
    Topic<String, UsageEvent> usage,
    Topic<String, TicketEvent> tickets,
    Topic<String, BillingEvent> billing,
    Topic<String, SurveyResponse> surveys,
    Topic<String, AccountProfile> accounts,
    Topic<String, CostEntry> costs,
    Topic<String, AccountHealth> health,
    Topic<String, ChurnAlert> alerts,
    Topic<byte[], byte[]> deadLetters,
    InternalSerdes internal) {

  public static Topics of(TopicNames names, VitalsSerdes serdes) {
    Serde<String> key = serdes.string();
    return new Topics(
        new Topic<>(names.usage(), key, serdes.avro(UsageEvent.class)),
        new Topic<>(names.tickets(), key, serdes.avro(TicketEvent.class)),
        new Topic<>(names.billing(), key, serdes.avro(BillingEvent.class)),
        new Topic<>(names.surveys(), key, serdes.avro(SurveyResponse.class)),
        new Topic<>(names.accounts(), key, serdes.avro(AccountProfile.class)),
        new Topic<>(names.costs(), key, serdes.avro(CostEntry.class)),
        new Topic<>(names.health(), key, serdes.avro(AccountHealth.class)),
        new Topic<>(names.alerts(), key, serdes.avro(ChurnAlert.class)),
        new Topic<>(names.deadLetters(), serdes.bytes(), serdes.bytes()),
        new InternalSerdes(serdes.bytes(), key, serdes.state(AccountHealth.class),
            serdes.state(StoredAccountFigures.class), serdes.longs(),
            serdes.state(StoredMonthlyCost.class), serdes.state(StoredRetention.class),
            serdes.state(StoredAgentTicket.class), serdes.state(StoredAgentStep.class),
            serdes.state(StoredAgentHour.class), serdes.state(StoredPoorRating.class)));
  }
}
