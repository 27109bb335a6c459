package dev.vitals.topology;

/**
 * Every state store's name, shared by the topology, interactive queries and tests. The changelog topics are named
 * after them ({@code <application.id>-<store>-changelog}), so renaming one loses its state: don't.
 */
public final class StoreNames {
  /** Event ids seen recently, for de-duplication (window store, no caching). */
  public static final String EVENT_IDS = "vitals-event-ids";
  /**
   * Each account's summary: event times, open alerts, closing scores (key-value store, key accountId; values in
   * the versioned binary state format of {@code dev.vitals.state}).
   */
  public static final String ACCOUNT_SUMMARY = "vitals-account-summary";
  /**
   * Each account's ledger entries: usage days, users, features, milestones, tickets, survey answers, billing,
   * profile (key-value store, key {@code accountId␟kind␟part}; see {@code dev.vitals.state.EntryKey}).
   */
  public static final String ACCOUNT_LEDGER = "vitals-account-ledger";
  /** The last health record emitted per account, for the REST API and metrics (key accountId, state format). */
  public static final String ACCOUNT_HEALTH = "vitals-account-health";
  /**
   * The counts and sums behind each account's ratio KPIs, written with its health record and read by the metrics at
   * scrape time (key accountId, state format).
   */
  public static final String ACCOUNT_FIGURES = "vitals-account-figures";
  /**
   * Whether each account was subscribed 30 and 90 days ago and now, renewed, ..., written with its health record and
   * counted by the retention metrics at scrape time (key accountId, state format).
   */
  public static final String ACCOUNT_RETENTION = "vitals-account-retention";
  /**
   * When each erased account was erased (key accountId, value epoch millis): the only thing kept of an erased
   * account, so that its stragglers are dead-lettered rather than bring it back (see docs/operations.md).
   */
  public static final String ERASED_ACCOUNTS = "vitals-erased-accounts";
  /** Accounts changed since they were last evaluated (key-value store, key accountId). */
  public static final String PENDING_ACCOUNTS = "vitals-pending-accounts";
  /**
   * The latest usage event time this task has seen for any account (key {@code event-clock}), and each source's
   * clock and data gap (keys of {@code SourceClocks}): a key-value store of a few keys per task.
   */
  public static final String EVENT_CLOCK = "vitals-event-clock";
  /** Monthly spend per cost centre (key-value store, key {@code CENTRE|yyyy-MM-dd}). */
  public static final String COST_LEDGER = "vitals-cost-ledger";

  /**
   * What agent attribution knows of each ticket: first reply, replies, who resolved it (key-value store, key
   * {@code accountId U+001F ticketId}).
   */
  public static final String AGENT_TICKETS = "vitals-agent-tickets";
  /** Each agent's figures per hour of event time (window store, key agentId; see {@code dev.vitals.agent}). */
  public static final String AGENT_HOURS = "vitals-agent-hours";
  /** CSAT answers of 1 or 2, for the support board's latest poor ratings (window store, key accountId). */
  public static final String POOR_RATINGS = "vitals-poor-ratings";

  private StoreNames() {}
}
