package dev.vitals.kpi;

import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.TicketEventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One support ticket's steps in event time. Every lifecycle question (open? first reply? resolved on which
 * contact?) is answered as of an instant by looking only at the steps up to it, which makes late and
 * out-of-order ticket events harmless.
 */
public final class TicketHistory {
  private static final Comparator<TicketStep> IN_EVENT_TIME =
      Comparator.comparing(TicketStep::at).thenComparing(TicketStep::kind);

  /**
   * At most this many steps are kept. Past it the oldest customer reply goes first, then agent replies after the
   * third (FCR reads only whether there were 0, 1, 2 or 3+ replies), so a ticket's entry stays small however long
   * the conversation.
   */
  static final int MAX_STEPS = 32;

  public List<TicketStep> steps = new ArrayList<>();
  public String category;
  public String agentId;
  public String priority;

  public TicketHistory() {}

  void record(TicketEvent event) {
    steps.add(new TicketStep(event.getOccurredAt(), event.getKind()));
    steps.sort(IN_EVENT_TIME);
    if (steps.size() > MAX_STEPS) {
      dropOneReply();
    }
    if (event.getCategory() != null) {
      category = event.getCategory();
    }
    if (event.getAgentId() != null) {
      agentId = event.getAgentId();
    }
    priority = event.getPriority().name();
  }

  /** Drops the oldest customer reply, or else the oldest agent reply after the third; never the last step. */
  private void dropOneReply() {
    int droppable = -1;
    int agentReplies = 0;
    for (int i = 0; i < steps.size() - 1; i++) {
      TicketEventKind kind = steps.get(i).kind();
      if (kind == TicketEventKind.CUSTOMER_REPLIED) {
        droppable = i;
        break;
      }
      if (kind == TicketEventKind.AGENT_REPLIED && ++agentReplies > 3 && droppable < 0) {
        droppable = i;
      }
    }
    if (droppable >= 0) {
      steps.remove(droppable);
    }
  }

  /** The ticket as of {@code asOf}: null when it had no step yet. */
  TicketLifecycle asOf(Instant asOf) {
    Instant openedAt = null;
    Instant firstReplyAt = null;
    Instant lastStepAt = null;
    TicketEventKind lastKind = null;
    int agentReplies = 0;
    boolean reopened = false;
    boolean escalated = false;
    for (TicketStep step : steps) {
      if (step.at().isAfter(asOf)) {
        break;
      }
      switch (step.kind()) {
        case OPENED -> openedAt = openedAt == null ? step.at() : openedAt;
        case AGENT_REPLIED -> {
          agentReplies++;
          firstReplyAt = firstReplyAt == null ? step.at() : firstReplyAt;
        }
        case REOPENED -> reopened = true;
        case ESCALATED -> escalated = true;
        case CUSTOMER_REPLIED, RESOLVED -> { }
      }
      lastStepAt = step.at();
      lastKind = step.kind();
    }
    if (lastKind == null) {
      return null;
    }
    boolean resolved = lastKind == TicketEventKind.RESOLVED;
    return new TicketLifecycle(openedAt, firstReplyAt, resolved ? lastStepAt : null, agentReplies, reopened,
        escalated);
  }

  /** The ticket's lifecycle facts as of one instant. */
  record TicketLifecycle(Instant openedAt, Instant firstReplyAt, Instant resolvedAt, int agentReplies,
      boolean reopened, boolean escalated) {

    boolean open() {
      return resolvedAt == null;
    }

    Duration firstResponse() {
      return openedAt == null || firstReplyAt == null || firstReplyAt.isBefore(openedAt)
          ? null : Duration.between(openedAt, firstReplyAt);
    }

    Duration resolution() {
      return openedAt == null || resolvedAt == null ? null : Duration.between(openedAt, resolvedAt);
    }

    /**
     * Agent contacts it took; a ticket resolved without any reply counts as resolved on first contact, and a
     * reopened one as at least a second contact, so the 1st / 2nd / 3rd+ distribution agrees with FCR (a reopened
     * ticket is never resolved on first contact).
     */
    int contacts() {
      return Math.max(reopened ? 2 : 1, agentReplies);
    }

    boolean firstContactResolution() {
      return agentReplies <= 1 && !reopened;
    }
  }

  Instant lastStepAt() {
    return steps.isEmpty() ? null : steps.get(steps.size() - 1).at();
  }
}
