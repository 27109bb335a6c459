package dev.vitals.topology;

import dev.vitals.agent.AgentStep;
import dev.vitals.agent.PoorRatings;
import dev.vitals.agent.TicketAttribution;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.state.stored.StoredAgentStep;
import dev.vitals.state.stored.StoredAgentTicket;
import dev.vitals.state.stored.StoredPoorRating;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Turns an account's de-duplicated ticket steps and CSAT answers into agent-keyed {@link AgentStep}s (see {@link
 * TicketAttribution} for who is credited with what), re-keyed by agent and stamped with the event time they belong
 * to, so the hourly windows downstream count them in the right hour. One read and one write of the ticket's entry
 * per step, whatever the history. CSAT answers of 1 or 2 are also kept in {@value StoreNames#POOR_RATINGS} for the
 * board's latest poor ratings.
 *
 * <p>Ticket entries are forgotten {@link #KEEP_RESOLVED} after their resolution (a CSAT answer comes within days of
 * it) and {@link #KEEP_OPEN} after the last step of a ticket never resolved, by a scan once per
 * {@link #PRUNE_EVERY} of wall-clock time, so the store stays bounded.
 */
final class AgentAttribution implements Processor<String, InboundEvent, String, StoredAgentStep> {
  static final Duration KEEP_RESOLVED = Duration.ofDays(30);
  static final Duration KEEP_OPEN = Duration.ofDays(365);
  static final Duration PRUNE_EVERY = Duration.ofHours(1);
  private static final char SEPARATOR = '\u001F';

  private ProcessorContext<String, StoredAgentStep> context;
  private KeyValueStore<String, StoredAgentTicket> tickets;
  private WindowStore<String, StoredPoorRating> poorRatings;
  /** Shared with the account processor, which writes it: an erased account's stragglers are not attributed. */
  private KeyValueStore<String, Long> erased;
  /**
   * The latest event time seen, for pruning only: in memory, so after a restart pruning waits for the first event;
   * record timestamps are not used because a backfill is produced long after its events happened.
   */
  private Instant latestEventTime = Instant.EPOCH;

  @Override
  public void init(ProcessorContext<String, StoredAgentStep> context) {
    this.context = context;
    this.tickets = context.getStateStore(StoreNames.AGENT_TICKETS);
    this.poorRatings = context.getStateStore(StoreNames.POOR_RATINGS);
    this.erased = context.getStateStore(StoreNames.ERASED_ACCOUNTS);
    context.schedule(PRUNE_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> prune());
  }

  @Override
  public void process(Record<String, InboundEvent> record) {
    InboundEvent event = record.value();
    if (event.isErasure()) {
      // Its time is when the erasure was asked for, not an event time: it must not move the pruning clock.
      erase(event.accountId());
      return;
    }
    if (event.occurredAt().isAfter(latestEventTime)) {
      latestEventTime = event.occurredAt();
    }
    boolean kept = event.payload() instanceof TicketEvent
        || event.payload() instanceof SurveyResponse answer && answer.getSurvey() == SurveyKind.CSAT;
    if (kept && ErasedAccounts.stragglerOf(event.accountId(), null, event.occurredAt(), this::erasedAt) != null) {
      // A straggler of an erased account: dead-lettered by the account processor, and nothing of it kept here.
      return;
    }
    if (event.payload() instanceof TicketEvent step) {
      String key = ticketKey(step.getAccountId(), step.getTicketId());
      StoredAgentTicket ticket = Optional.ofNullable(tickets.get(key)).orElseGet(TicketAttribution::newTicket);
      List<AgentStep> credited = TicketAttribution.apply(ticket, step);
      tickets.put(key, ticket);
      credited.forEach(this::forward);
    } else if (event.payload() instanceof SurveyResponse answer && answer.getSurvey() == SurveyKind.CSAT) {
      csat(answer);
    }
  }

  private void csat(SurveyResponse answer) {
    String ticketId = answer.getTouchpoint();
    StoredAgentTicket ticket = ticketId == null ? null : tickets.get(ticketKey(answer.getAccountId(), ticketId));
    Optional<AgentStep> credited = ticket == null ? Optional.empty()
        : TicketAttribution.csat(ticket, answer.getScore(), answer.getOccurredAt());
    credited.ifPresent(this::forward);
    if (answer.getScore() <= PoorRatings.POOR_AT_MOST) {
      StoredPoorRating poor = StoredPoorRating.newBuilder()
          .setAccountId(answer.getAccountId())
          .setTicketId(ticketId)
          .setAgentId(credited.map(AgentStep::agentId).orElse(null))
          .setScore(answer.getScore())
          .setComment(answer.getComment())
          .setAnsweredAt(answer.getOccurredAt().toEpochMilli())
          .build();
      poorRatings.put(answer.getAccountId() + SEPARATOR + answer.getEventId(), poor,
          answer.getOccurredAt().toEpochMilli());
    }
  }

  /**
   * Forgets what the board keeps of an erased account: its tickets' attribution and its poor ratings (with the
   * customer's comment). Both are keyed by the account first, so this reads the account's own keys only. The
   * agents' hourly figures are sums over many accounts that name none, and stay.
   */
  private void erase(String accountId) {
    List<String> ticketKeys = new ArrayList<>();
    try (KeyValueIterator<String, StoredAgentTicket> own =
        tickets.prefixScan(accountId + SEPARATOR, new StringSerializer())) {
      own.forEachRemaining(entry -> ticketKeys.add(entry.key));
    }
    ticketKeys.forEach(tickets::delete);
    List<KeyValue<Windowed<String>, StoredPoorRating>> ratings = new ArrayList<>();
    // Poor-rating keys are accountId U+001F eventId: the range of keys from the separator to the next character.
    try (KeyValueIterator<Windowed<String>, StoredPoorRating> own = poorRatings.fetch(accountId + SEPARATOR,
        accountId + (char) (SEPARATOR + 1), 0L, Long.MAX_VALUE)) {
      own.forEachRemaining(ratings::add);
    }
    ratings.forEach(rating -> poorRatings.put(rating.key.key(), null, rating.key.window().start()));
  }

  private Instant erasedAt(String accountId) {
    Long millis = erased.get(accountId);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private void forward(AgentStep step) {
    context.forward(new Record<>(step.agentId(), step.delta(), step.at().toEpochMilli()));
  }

  private void prune() {
    if (latestEventTime.equals(Instant.EPOCH)) {
      return;
    }
    long resolvedBefore = latestEventTime.minus(KEEP_RESOLVED).toEpochMilli();
    long untouchedSince = latestEventTime.minus(KEEP_OPEN).toEpochMilli();
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, StoredAgentTicket> all = tickets.all()) {
      while (all.hasNext()) {
        KeyValue<String, StoredAgentTicket> entry = all.next();
        StoredAgentTicket ticket = entry.value;
        boolean resolvedLongAgo = ticket.getResolvedAt() != null && ticket.getResolvedAt() < resolvedBefore;
        if (resolvedLongAgo || ticket.getLastStepAt() < untouchedSince) {
          stale.add(entry.key);
        }
      }
    }
    stale.forEach(tickets::delete);
  }

  static String ticketKey(String accountId, String ticketId) {
    return accountId + SEPARATOR + ticketId;
  }
}
