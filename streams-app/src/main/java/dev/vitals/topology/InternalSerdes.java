package dev.vitals.topology;

import dev.vitals.schema.AccountHealth;
import dev.vitals.state.stored.StoredAccountFigures;
import dev.vitals.state.stored.StoredAgentHour;
import dev.vitals.state.stored.StoredAgentStep;
import dev.vitals.state.stored.StoredAgentTicket;
import dev.vitals.state.stored.StoredMonthlyCost;
import dev.vitals.state.stored.StoredRetention;
import dev.vitals.state.stored.StoredPoorRating;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes of what is not an Avro contract: raw input bytes (also the account stores' values, which {@code
 * dev.vitals.state} encodes itself), store keys and timestamps, the cost ledger, and the agent board's tickets, steps,
 * hours and poor ratings.
 */
public record InternalSerdes(
    Serde<byte[]> raw,
    Serde<String> keys,
    Serde<AccountHealth> healthView,
    Serde<StoredAccountFigures> figures,
    Serde<Long> timestamps,
    Serde<StoredMonthlyCost> monthlyCost,
    Serde<StoredRetention> retention,
    Serde<StoredAgentTicket> agentTickets,
    Serde<StoredAgentStep> agentSteps,
    Serde<StoredAgentHour> agentHours,
    Serde<StoredPoorRating> poorRatings) {}
