package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.billing;
import static dev.vitals.testing.TestEvents.featureUsed;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.ticketStep;
import static dev.vitals.testing.TestEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.events.EventType;
import dev.vitals.kpi.AccountKpis;
import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.BillingEventKind;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import dev.vitals.testing.PipelineDriver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §5: out-of-order events within the grace period (default 7 days) are applied in event time; older go to the DLQ. */
class LateAndOutOfOrderTest {
  private static final Instant LATEST = at("2026-03-20T12:00:00Z");

  private final List<PipelineDriver> pipelines = new ArrayList<>();

  @AfterEach
  void close() {
    pipelines.forEach(PipelineDriver::close);
  }

  private PipelineDriver newPipeline() {
    PipelineDriver pipeline = new PipelineDriver();
    pipelines.add(pipeline);
    return pipeline;
  }

  /** A week of mixed events for one account, all within 6 days of the latest, in event-time order. */
  private static List<SpecificRecord> aWeekOfEvents() {
    List<SpecificRecord> events = new ArrayList<>(List.of(
        profile("acme", "2026-03-14T13:00:00Z", Segment.MID_MARKET, "reports", "alerts").build(),
        subscribed("acme", "2026-03-14T14:00:00Z", 40_000, 8, "2026-05-01"),
        billing("acme", "2026-03-17T00:00:00Z", BillingEventKind.PLAN_CHANGED).setMrrCents(30_000L).setSeats(5)
            .build(),
        billing("acme", "2026-03-18T00:00:00Z", BillingEventKind.PAYMENT_FAILED).setAmountCents(30_000L).build(),
        billing("acme", "2026-03-19T00:00:00Z", BillingEventKind.INVOICE_PAID).setAmountCents(30_000L).build(),
        billing("acme", "2026-03-20T00:00:00Z", BillingEventKind.PAYMENT_FAILED).setAmountCents(30_000L).build(),
        ticketStep("acme", "2026-03-15T09:00:00Z", "t1", TicketEventKind.OPENED),
        ticketStep("acme", "2026-03-15T11:00:00Z", "t1", TicketEventKind.AGENT_REPLIED),
        ticketStep("acme", "2026-03-16T09:00:00Z", "t1", TicketEventKind.RESOLVED),
        ticketStep("acme", "2026-03-17T09:00:00Z", "t1", TicketEventKind.REOPENED),
        ticketStep("acme", "2026-03-16T09:00:00Z", "t2", TicketEventKind.OPENED),
        ticketStep("acme", "2026-03-16T09:30:00Z", "t2", TicketEventKind.AGENT_REPLIED),
        ticketStep("acme", "2026-03-16T12:00:00Z", "t2", TicketEventKind.RESOLVED),
        answer("acme", "2026-03-15T10:00:00Z", "r1", SurveyKind.NPS, 3),
        answer("acme", "2026-03-19T10:00:00Z", "r1", SurveyKind.NPS, 10),
        answer("acme", "2026-03-16T10:00:00Z", "r2", SurveyKind.NPS, 5),
        answer("acme", "2026-03-17T10:00:00Z", "r3", SurveyKind.CSAT, 4),
        answer("acme", "2026-03-18T10:00:00Z", "r4", SurveyKind.CSAT, 2),
        answer("acme", "2026-03-18T11:00:00Z", "r4", SurveyKind.CES, 6)));
    String[] users = {"ana", "bo", "cy", "di"};
    for (int i = 0; i < 24; i++) {
      String time = Instant.parse("2026-03-14T15:00:00Z").plusSeconds(i * 5L * 3600).toString();
      events.add(i % 3 == 0
          ? featureUsed("acme", time, users[i % users.length], i % 2 == 0 ? "reports" : "alerts")
          : usage("acme", time, UsageKind.API_CALL).setUserId(users[i % users.length]).setCount(10)
              .setErrorCount(i % 4).build());
    }
    events.add(login("acme", LATEST.toString(), "ana"));
    events.sort(Comparator.comparing(EventType::occurredAt));
    return events;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42})
  void shouldReachTheSameKpisAndHealthWhateverTheArrivalOrderWithinGrace(long seed) {
    List<SpecificRecord> sorted = aWeekOfEvents();
    List<SpecificRecord> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new Random(seed));
    PipelineDriver inOrder = newPipeline();
    PipelineDriver outOfOrder = newPipeline();

    sorted.forEach(inOrder::send);
    shuffled.forEach(outOfOrder::send);
    inOrder.flush();
    outOfOrder.flush();

    assertThat(shuffled).isNotEqualTo(sorted);
    assertThat(outOfOrder.deadLetters()).isEmpty();
    AccountKpis expected = inOrder.state("acme").kpisAt(LATEST);
    assertThat(outOfOrder.state("acme").kpisAt(LATEST)).isEqualTo(expected);
    AccountHealth expectedHealth = inOrder.latestHealth().get("acme");
    assertThat(outOfOrder.latestHealth().get("acme")).isEqualTo(expectedHealth);
    assertThat(outOfOrder.alerts()).containsExactlyElementsOf(inOrder.alerts());
    // the scenario is not trivial: every component has data and the latest NPS answer of r1 (10) wins
    assertThat(expectedHealth.getCoverage()).isEqualTo(1.0);
    assertThat(expected.sentiment().npsPromoters()).isEqualTo(1);
    assertThat(expected.financial().mrrCents()).isEqualTo(30_000L);
  }

  @Test
  void shouldKeepTheLatestAnswerByEventTimeWhenAnOlderOneArrivesLate() {
    PipelineDriver pipeline = newPipeline();

    pipeline.send(answer("acme", "2026-03-10T10:00:00Z", "r1", SurveyKind.NPS, 10),
        answer("acme", "2026-03-05T10:00:00Z", "r1", SurveyKind.NPS, 3)).flush();

    // r1's latest answer is the 10 of 03-10, although the 3 arrived last: one promoter, NPS 100
    assertThat(pipeline.latestHealth().get("acme").getKpis().getNps()).isEqualTo(100.0);
    assertThat(pipeline.deadLetters()).isEmpty();
  }

  @Test
  void shouldDeadLetterAnEventOlderThanLatestMinusGraceWithoutCountingIt() {
    PipelineDriver pipeline = newPipeline();
    UsageEvent tooLate = usage("acme", "2026-03-13T11:59:59Z", UsageKind.LOGIN).setUserId("late").setCount(50)
        .build();

    pipeline.send(login("acme", LATEST.toString(), "ana"),                                   // offset 0
        usage("acme", "2026-03-13T12:00:00Z", UsageKind.LOGIN).setUserId("edge").build(),   // exactly 7 d: offset 1
        tooLate)                                                                           // 7 d + 1 s: offset 2
        .flush();

    List<TestRecord<byte[], byte[]>> deadLetters = pipeline.deadLetters();
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      Headers headers = letter.headers();
      assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("too_late");
      assertThat(header(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("vitals.usage");
      assertThat(header(headers, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
      assertThat(header(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("2");
      assertThat(header(headers, DeadLetterHeaders.DETAIL)).contains("2026-03-13T11:59:59Z");
      assertThat(letter.value()).isEqualTo(pipeline.serialize(tooLate));
      assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("acme");
    });
    // ana and edge only; 1 + 1 events over the last 30 days
    AccountKpis kpis = pipeline.state("acme").kpisAt(LATEST);
    assertThat(kpis.usage().activeUsers30d()).isEqualTo(2);
    assertThat(pipeline.state("acme").firstEventAt).isEqualTo(at("2026-03-13T12:00:00Z"));
    assertThat(pipeline.counter("events-rejected-total", Map.of("topic", "vitals.usage", "reason", "too_late")))
        .isEqualTo(1.0);
  }

  @Test
  void shouldDeadLetterALateEventOfAnyAccountTopic() {
    PipelineDriver pipeline = newPipeline();

    pipeline.send(login("acme", LATEST.toString(), "ana"),
        answer("acme", "2026-03-01T00:00:00Z", "r1", SurveyKind.NPS, 0),
        ticketStep("acme", "2026-03-01T00:00:00Z", "t1", TicketEventKind.OPENED),
        billing("acme", "2026-03-01T00:00:00Z", BillingEventKind.PAYMENT_FAILED).build())
        .flush();

    assertThat(pipeline.deadLetters())
        .extracting(letter -> header(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC))
        .containsExactly("vitals.surveys", "vitals.tickets", "vitals.billing");
    AccountHealth health = pipeline.latestHealth().get("acme");
    assertThat(health.getKpis().getNpsRespondents()).isZero();
    assertThat(health.getKpis().getOpenTickets()).isZero();
    assertThat(health.getKpis().getPaymentFailures30d()).isZero();
    assertThat(pipeline.counter("events-rejected-total", Map.of("reason", "too_late"))).isEqualTo(3.0);
  }

  static String header(Headers headers, String name) {
    return headers.lastHeader(name) == null ? null
        : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
