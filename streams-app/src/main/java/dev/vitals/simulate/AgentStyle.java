package dev.vitals.simulate;

import java.util.Map;

/**
 * How one support agent works, on top of the account's {@link SupportStyle}, so the agent leaderboard shows real
 * differences: a fast agent answers in half the time but resolves sloppily (more reopened tickets), a slow one keeps
 * customers waiting and is rated lower, a thorough one takes a little longer, rarely needs a follow-up and is rated
 * higher. The factors average out near 1 over the team, so the accounts' support KPIs (and the calibration pinned on
 * them) move little. Fixed per agent id: no random draw is added, so every other part of a seeded history stays put.
 *
 * @param replyFactor multiplies the time to reply
 * @param resolveFactor multiplies the time to resolve
 * @param followUpFactor multiplies the chance of another agent reply after a customer's
 * @param reopenFactor multiplies the chance the ticket is reopened
 * @param csatShift added to the CSAT the customer gives (kept within 1–5)
 */
record AgentStyle(double replyFactor, double resolveFactor, double followUpFactor, double reopenFactor,
    int csatShift) {

  static final AgentStyle FAST = new AgentStyle(0.5, 0.8, 1.0, 1.5, 0);
  static final AgentStyle SLOW = new AgentStyle(1.6, 1.3, 1.0, 1.0, -1);
  static final AgentStyle THOROUGH = new AgentStyle(1.1, 1.1, 0.7, 0.4, 1);

  private static final Map<String, AgentStyle> BY_AGENT = Map.of(
      "agent.ana", FAST, "agent.dev", FAST,
      "agent.ben", SLOW, "agent.emeka", SLOW,
      "agent.chloe", THOROUGH, "agent.fatima", THOROUGH, "agent.gus", THOROUGH,
      "agent.hana", THOROUGH, "agent.ivan", FAST);

  /** The agent's style; an agent not in the catalogue works at the account's pace. */
  static AgentStyle of(String agentId) {
    return BY_AGENT.getOrDefault(agentId, new AgentStyle(1, 1, 1, 1, 0));
  }

  int csat(int score) {
    return Math.max(1, Math.min(5, score + csatShift));
  }
}
