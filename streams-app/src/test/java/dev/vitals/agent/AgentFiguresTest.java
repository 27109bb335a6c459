package dev.vitals.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.kpi.DurationHistogram;
import dev.vitals.state.stored.StoredAgentHour;
import dev.vitals.state.stored.StoredAgentStep;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent's figures summed over hours: hand-computed. */
class AgentFiguresTest {

  @Test
  void shouldSumHoursAndCountOnlyHoursWithAReplyAsWorked() {
    // given: 3 replies at 09:00, none at 10:00 (a CSAT only), 1 reply at 11:00
    StoredAgentHour nine = hour(step(3, 2, 1, 0, 0));
    StoredAgentHour ten = hour(step(0, 0, 0, 2, 1));
    StoredAgentHour eleven = hour(step(1, 2, 2, 1, 1));

    AgentFigures figures = AgentFigures.of("ann", List.of(nine, ten, eleven));

    assertThat(figures.replies()).isEqualTo(4);
    assertThat(figures.hoursWorked()).isEqualTo(2);
    assertThat(figures.contactsPerHourWorked()).isEqualTo(2.0);        // 4 replies / 2 hours
    assertThat(figures.resolved()).isEqualTo(4);
    assertThat(figures.fcr()).isEqualTo(0.75);                         // 3 of 4
    assertThat(figures.csat()).isEqualTo(100.0 * 2 / 3);               // 2 satisfied of 3
  }

  @Test
  void shouldLeaveRatiosAbsentWithoutTheirDenominators() {
    AgentFigures figures = AgentFigures.of("ann", List.of(AgentHours.empty()));

    assertThat(figures.fcr()).isNull();
    assertThat(figures.csat()).isNull();
    assertThat(figures.contactsPerHourWorked()).isNull();
    assertThat(figures.firstResponseMedian()).isNull();
  }

  @Test
  void shouldEstimateTheMedianFirstResponseWithinItsBucketAsPrometheusDoes() {
    // given: 4 min, 10 min, 20 min and 50 min: buckets (0, 5 min], (5, 15], (15, 30], (30, 60]
    StoredAgentHour hour = AgentHours.empty();
    for (long minutes : new long[] {4, 10, 20, 50}) {
      AgentHours.add(hour, StoredAgentStep.newBuilder().setFirstResponseSeconds(minutes * 60).build());
    }

    AgentFigures figures = AgentFigures.of("ann", List.of(hour));

    // rank 4 / 2 = 2 falls in (5 min, 15 min], the 1 count below it: 5 + 10 × (2 − 1) / 1 = 15 min
    assertThat(figures.firstResponseMedian()).isEqualTo(Duration.ofMinutes(15));
    assertThat(figures.firstResponses().sumSeconds()).isEqualTo((4 + 10 + 20 + 50) * 60L);
    assertThat(figures.firstResponses().count()).isEqualTo(4);
  }

  @Test
  void shouldReportAMedianBeyondTheLastBoundAsTheLastBound() {
    StoredAgentHour hour = AgentHours.empty();
    AgentHours.add(hour, StoredAgentStep.newBuilder().setFirstResponseSeconds(Duration.ofDays(9).toSeconds()).build());

    assertThat(AgentFigures.of("ann", List.of(hour)).firstResponseMedian())
        .isEqualTo(DurationHistogram.UPPER_BOUNDS.get(DurationHistogram.UPPER_BOUNDS.size() - 1));
  }

  private static StoredAgentStep step(int replies, int resolved, int firstContact, int answered, int satisfied) {
    return StoredAgentStep.newBuilder().setReplies(replies).setResolved(resolved)
        .setFirstContactResolved(firstContact).setCsatAnswered(answered).setCsatSatisfied(satisfied).build();
  }

  private static StoredAgentHour hour(StoredAgentStep step) {
    return AgentHours.add(AgentHours.empty(), step);
  }
}
