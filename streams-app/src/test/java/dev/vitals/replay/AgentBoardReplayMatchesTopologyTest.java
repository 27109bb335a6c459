package dev.vitals.replay;

import static dev.vitals.testing.TestEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.agent.AgentBoard;
import dev.vitals.agent.AgentJson;
import dev.vitals.agent.AgentWindows;
import dev.vitals.events.JsonEventCodec;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.simulate.HistorySimulator;
import dev.vitals.testing.PipelineDriver;
import dev.vitals.topology.StoreNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay's {@code agents.json} against the topology's agent windows on the same events: the same leaderboard, figure
 * for figure, including steps the windows drop as too late.
 */
class AgentBoardReplayMatchesTopologyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void shouldWriteTheSameAgentLeaderboardAsTheTopologyOnASimulatedHistory() throws IOException {
    HistorySimulator history = new HistorySimulator(7, 20, Instant.parse("2026-06-01T00:00:00Z"), 30);

    JsonNode replayed = replay(history.stream().toList());
    JsonNode live = live(history.stream().toList());

    assertThat(replayed.path("agents").size()).as("agents on the board").isGreaterThan(3);
    assertThat(replayed.findValues("csatAnswers").stream().mapToLong(JsonNode::asLong).sum()).isPositive();
    assertThat(replayed.findValues("firstResponses").stream().mapToLong(JsonNode::asLong).sum()).isPositive();
    assertThat(replayed).isEqualTo(live);
  }

  @Test
  void shouldDropTheStepsTheWindowsDropAsTooLate() throws IOException {
    // ann at 03-02T09:30, then 03-09T11:00 (stream time), then two late replies: 09:45 after its hour closed
    // (10:00 + 7 d grace), 12:15 within its hour's grace
    List<SpecificRecord> events = List.of(
        reply("2026-03-02T09:30:00Z", "t1"), reply("2026-03-09T11:00:00Z", "t2"),
        reply("2026-03-02T09:45:00Z", "t3"), reply("2026-03-02T12:15:00Z", "t4"));

    JsonNode replayed = replay(events);

    assertThat(replayed).isEqualTo(live(events));
    // the last week of hours, [03-02T12:00, 03-09T12:00), holds the 12:15 and the 03-09T11:00 replies, not 09:30
    assertThat(replayed.path("agents").get(0).path("replies").asLong()).isEqualTo(2);
  }

  private JsonNode replay(List<SpecificRecord> events) throws IOException {
    Path file = dir.resolve("events-" + System.nanoTime() + ".jsonl");
    JsonEventCodec codec = new JsonEventCodec();
    try (Writer writer = Files.newBufferedWriter(file)) {
      for (SpecificRecord event : events) {
        writer.write(codec.format(event));
        writer.write('\n');
      }
    }
    Path out = dir.resolve("out-" + System.nanoTime());
    new Replay(ScoringConfig.defaults()).run(file, out, new PrintWriter(new StringWriter()));
    return JSON.readTree(out.resolve("agents.json").toFile());
  }

  private static JsonNode live(List<SpecificRecord> events) throws IOException {
    try (PipelineDriver pipeline = new PipelineDriver()) {
      events.forEach(pipeline::send);
      AgentBoard board = new AgentBoard(pipeline.windowStore(StoreNames.AGENT_HOURS));
      Instant until = board.streamTime().orElseThrow();
      // through text, as replay's file is read, so numbers compare by value rather than by Jackson node type
      return JSON.readTree(AgentJson.leaderboard(board.leaderboard(AgentWindows.BOARD_SPAN, until),
          AgentWindows.BOARD_SPAN, until).toString());
    }
  }

  private static SpecificRecord reply(String at, String ticketId) {
    return ticket("acme", at, ticketId, TicketEventKind.AGENT_REPLIED).setAgentId("ann").build();
  }
}
