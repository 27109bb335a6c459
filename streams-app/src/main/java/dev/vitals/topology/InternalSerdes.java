package dev.vitals.topology;

import dev.vitals.kpi.AccountState;
import org.apache.kafka.common.serialization.Serde;

/** Serdes of what is not an Avro contract: raw input bytes, store keys and timestamps, and internal state. */
public record InternalSerdes(
    Serde<byte[]> raw,
    Serde<String> keys,
    Serde<String> json,
    Serde<Long> timestamps,
    Serde<AccountState> accountState,
    Serde<MonthlyCost> monthlyCost) {}
