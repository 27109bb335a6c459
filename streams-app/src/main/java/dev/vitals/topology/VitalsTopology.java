package dev.vitals.topology;

import dev.vitals.agent.AgentWindows;
import dev.vitals.events.EventValidator;
import dev.vitals.health.HealthEvaluator;
import dev.vitals.scoring.PipelinePolicy;
import dev.vitals.scoring.ScoringConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The Vitals pipeline, built by one pure function (no I/O) so the service, {@code replay} and the tests run the
 * very same topology:
 *
 * <pre>
 *   usage, tickets, billing, surveys, accounts ─▶ intake (decode, validate) ─▶ merge ─▶ de-duplicate by eventId
 *       ─▶ account health (ledgers → KPIs → score → alerts; emitted per interval)
 *       ─▶ vitals.account-health, vitals.churn-alerts
 *   (a tombstone on vitals.accounts takes the same path as an erasure request: see AccountHealthProcessor)
 *       ─▶ agent attribution ─▶ repartition by agent ─▶ hourly agent windows (see AgentBoardTopology)
 *   costs ─▶ intake ─▶ cost ledger
 *   every rejection (bad bytes, size, tombstone, contract, key, future or too-late time) ─▶ vitals.dlq with reasons
 * </pre>
 *
 * The account topics must be co-partitioned (same partition count, key = accountId): they meet in one task.
 * Costs are keyed by cost centre and form a sub-topology of their own.
 */
public final class VitalsTopology {
  /** Only one window per id is needed: the store serves as an expiring set. */
  private static final Duration EVENT_ID_WINDOW = Duration.ofMillis(1);

  private VitalsTopology() {}

  public static Topology build(Topics topics, ScoringConfig config) {
    return build(topics, config, AgentWindows.defaults());
  }

  public static Topology build(Topics topics, ScoringConfig config, AgentWindows agents) {
    StreamsBuilder builder = new StreamsBuilder();
    PipelinePolicy policy = config.pipeline();
    EventValidator validator = new EventValidator();
    addStores(builder, topics, policy);

    // Ingest: decode and validate every account topic; one account's events then meet in one task.
    KStream<String, Intake> accountIntake = intake(builder, topics.usage(), topics, validator, policy)
        .merge(intake(builder, topics.tickets(), topics, validator, policy), Named.as("merge-tickets"))
        .merge(intake(builder, topics.billing(), topics, validator, policy), Named.as("merge-billing"))
        .merge(intake(builder, topics.surveys(), topics, validator, policy), Named.as("merge-surveys"))
        .merge(intake(builder, topics.accounts(), topics, validator, policy), Named.as("merge-accounts"));
    IntakeBranches accounts = splitIntake(accountIntake, "account-intake");

    // De-duplicate by eventId, then ledgers → KPIs → score → alerts, emitted once per interval per account.
    KStream<String, InboundEvent> deduplicated = accounts.events()
        .processValues(() -> new EventDeduplication(policy.grace()), Named.as("dedupe-events"), StoreNames.EVENT_IDS);
    KStream<String, HealthOutput> outputs = deduplicated
        .process(() -> new AccountHealthProcessor(new HealthEvaluator(config), policy.dataGap(), policy.grace(),
                policy.emitInterval()),
            Named.as("account-health"), StoreNames.ACCOUNT_SUMMARY, StoreNames.ACCOUNT_LEDGER,
            StoreNames.PENDING_ACCOUNTS, StoreNames.EVENT_CLOCK, StoreNames.ACCOUNT_HEALTH,
            StoreNames.ACCOUNT_FIGURES, StoreNames.ACCOUNT_RETENTION, StoreNames.ERASED_ACCOUNTS);

    // Outputs: health and alerts to their topics; every rejection, too-late ones included, to the DLQ.
    KStream<String, DeadLetter> late = writeHealthAndAlerts(outputs, topics);
    writeDeadLetters(accounts.deadLetters().merge(late, Named.as("merge-late")), topics, "account");

    // The agent board: ticket steps credited to agents, re-keyed by agent into hourly windows of their own.
    AgentBoardTopology.add(builder, deduplicated, topics.internal(), policy.grace(), agents);

    // Costs: their own keys (cost centres), their own sub-topology.
    IntakeBranches costs = splitIntake(intake(builder, topics.costs(), topics, validator, policy), "cost-intake");
    costs.events().processValues(CostLedger::new, Named.as("cost-ledger"), StoreNames.COST_LEDGER);
    writeDeadLetters(costs.deadLetters(), topics, "cost");

    return builder.build();
  }

  /** Writes health updates and alert changes; returns the too-late events for the dead-letter topic. */
  private static KStream<String, DeadLetter> writeHealthAndAlerts(KStream<String, HealthOutput> outputs,
      Topics topics) {
    Map<String, KStream<String, HealthOutput>> byKind = outputs.split(Named.as("output-"))
        .branch((id, out) -> out instanceof HealthOutput.HealthUpdate || out instanceof HealthOutput.Erased,
            Branched.as("health"))
        .branch((id, out) -> out instanceof HealthOutput.AlertChange, Branched.as("alert"))
        .defaultBranch(Branched.as("late"));
    byKind.get("output-health")
        // An erased account's record is a tombstone: the Avro serializer writes null as null.
        .mapValues(out -> out instanceof HealthOutput.HealthUpdate update ? update.health() : null,
            Named.as("health-record"))
        .to(topics.health().name(), Produced.with(topics.health().key(), topics.health().value())
            .withName("account-health-sink"));
    byKind.get("output-alert")
        .mapValues(out -> ((HealthOutput.AlertChange) out).alert(), Named.as("alert-record"))
        .to(topics.alerts().name(), Produced.with(topics.alerts().key(), topics.alerts().value())
            .withName("churn-alerts-sink"));
    return byKind.get("output-late")
        .mapValues(out -> ((HealthOutput.Late) out).deadLetter(), Named.as("late-dead-letter"));
  }

  private static void addStores(StreamsBuilder builder, Topics topics, PipelinePolicy policy) {
    InternalSerdes serdes = topics.internal();
    builder.addStateStore(Stores.windowStoreBuilder(
            Stores.persistentWindowStore(StoreNames.EVENT_IDS, policy.grace(), EVENT_ID_WINDOW, false),
            serdes.keys(), serdes.timestamps())
        .withCachingDisabled());
    // The account stores are written many times between commits (the summary on every event, a usage day by every
    // event of that day): Streams' record cache folds those writes into one changelog record per commit, and
    // Streams flushes it before each commit, so exactly-once holds.
    builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.ACCOUNT_SUMMARY), serdes.keys(), serdes.raw())
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.ACCOUNT_LEDGER), serdes.keys(), serdes.raw())
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.PENDING_ACCOUNTS), serdes.keys(), serdes.timestamps())
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.ACCOUNT_HEALTH), serdes.keys(), serdes.healthView()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.ACCOUNT_FIGURES), serdes.keys(), serdes.figures()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.ACCOUNT_RETENTION), serdes.keys(), serdes.retention()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.ERASED_ACCOUNTS), serdes.keys(), serdes.timestamps()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.EVENT_CLOCK), serdes.keys(), serdes.timestamps())
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.COST_LEDGER), serdes.keys(), serdes.monthlyCost()));
  }

  private static <V extends SpecificRecord> KStream<String, Intake> intake(StreamsBuilder builder,
      Topic<String, V> topic, Topics topics, EventValidator validator, PipelinePolicy policy) {
    String name = topic.name();
    return builder
        .stream(name, Consumed.with(topics.internal().raw(), topics.internal().raw()).withName(name + "-source"))
        .process(() -> new EventIntake<>(topic.value().deserializer(), validator, policy.maxFutureSkew(), name,
                name.equals(topics.accounts().name())),
            Named.as(name + "-intake"));
  }

  /** The accepted events and the dead letters of one intake stream. */
  private record IntakeBranches(KStream<String, InboundEvent> events, KStream<String, DeadLetter> deadLetters) {}

  private static IntakeBranches splitIntake(KStream<String, Intake> intake, String name) {
    Map<String, KStream<String, Intake>> parts = intake.split(Named.as(name + "-"))
        .branch((key, value) -> value instanceof Intake.Accepted, Branched.as("accepted"))
        .defaultBranch(Branched.as("rejected"));
    return new IntakeBranches(
        parts.get(name + "-accepted")
            .mapValues(value -> ((Intake.Accepted) value).event(), Named.as(name + "-event")),
        parts.get(name + "-rejected")
            .mapValues(value -> ((Intake.Rejected) value).deadLetter(), Named.as(name + "-dead-letter")));
  }

  private static void writeDeadLetters(KStream<String, DeadLetter> deadLetters, Topics topics, String name) {
    deadLetters
        .process(DeadLetterWriter::new, Named.as(name + "-dead-letter-writer"))
        .to(topics.deadLetters().name(),
            Produced.with(topics.deadLetters().key(), topics.deadLetters().value())
                .withName(name + "-dead-letter-sink"));
  }
}
