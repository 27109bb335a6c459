package dev.vitals.agent;

import dev.vitals.state.stored.StoredAgentStep;
import java.time.Instant;

/**
 * One ticket step's contribution to an agent's figures, to be added to the agent's hour that contains {@code at}.
 * Contributions are additive: a resolution that a REOPENED takes back is a contribution with negative counts, so the
 * hourly sums stay exact whatever order the steps were counted in.
 *
 * @param agentId the agent credited (a label, never a name)
 * @param at the event time the contribution belongs to (the hour it is counted in)
 * @param delta the counts to add
 */
public record AgentStep(String agentId, Instant at, StoredAgentStep delta) {

  static AgentStep reply(String agentId, Instant at) {
    return new AgentStep(agentId, at, StoredAgentStep.newBuilder().setReplies(1).build());
  }

  static AgentStep firstResponse(String agentId, Instant at, long seconds) {
    return new AgentStep(agentId, at, StoredAgentStep.newBuilder().setFirstResponseSeconds(seconds).build());
  }

  /** A resolution counted ({@code sign} 1) or taken back by a REOPENED ({@code sign} -1). */
  static AgentStep resolution(String agentId, Instant at, int sign, boolean firstContact) {
    return new AgentStep(agentId, at, StoredAgentStep.newBuilder()
        .setResolved(sign)
        .setFirstContactResolved(firstContact ? sign : 0)
        .build());
  }

  static AgentStep csat(String agentId, Instant at, boolean satisfied) {
    return new AgentStep(agentId, at, StoredAgentStep.newBuilder()
        .setCsatAnswered(1)
        .setCsatSatisfied(satisfied ? 1 : 0)
        .build());
  }
}
