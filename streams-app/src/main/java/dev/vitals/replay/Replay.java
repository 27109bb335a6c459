package dev.vitals.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vitals.agent.AgentJson;
import dev.vitals.agent.AgentWindows;
import dev.vitals.agent.OfflineAgentBoard;
import dev.vitals.events.InputLine;
import dev.vitals.events.InvalidEventException;
import dev.vitals.events.JsonEventCodec;
import dev.vitals.kpi.AccountState;
import dev.vitals.json.AvroJson;
import dev.vitals.kpi.KpiPeriod;
import dev.vitals.kpi.PortfolioKpis;
import dev.vitals.kpi.PortfolioShare;
import dev.vitals.schema.AccountHealth;
import dev.vitals.scoring.ScoringConfig;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code replay --events FILE.jsonl --out DIR [--partitions N]}: runs the production pipeline's domain code offline ({@link
 * ReplayPipeline}) over a JSON-lines history,
 * in file order (account erasures included, as {@code {"type": "erasure", "accountId": ..., "erasedAt": ...}} lines:
 * the erased account leaves health.jsonl and its open alerts are resolved), and writes {@code health.jsonl} (the final health of each account), {@code alerts.jsonl} (every
 * alert transition in order), {@code kpis.json} (the portfolio KPIs), {@code agents.json} (the agent leaderboard
 * of the last week of hours, as {@code GET /agents?hours=168}) and {@code rejected.jsonl} (every line the
 * parser or the pipeline refused, with the reason). A bad line is reported as {@code FILE:LINE: reason} and the
 * run goes on. {@link #observe} runs the same replay for a tool that watches the outputs as they happen ({@code
 * calibrate}) and writes nothing.
 */
public final class Replay {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final ScoringConfig config;
  private final KpiPeriod period;
  private final AccountPartitions partitions;
  private final JsonEventCodec codec = new JsonEventCodec();

  /** A replay whose kpis.json covers the trailing month. */
  public Replay(ScoringConfig config) {
    this(config, KpiPeriod.MONTH);
  }

  /** A replay whose kpis.json covers {@code period} (30, 90 or 365 days) up to the last event. */
  public Replay(ScoringConfig config, KpiPeriod period) {
    this(config, period, 1);
  }

  /**
   * The same over input topics of {@code partitions} partitions: each account goes to the partition the producer
   * would put it on, and each partition keeps its own event clock as each live stream task does, so the outputs
   * equal those of the service on topics of that many partitions.
   */
  public Replay(ScoringConfig config, KpiPeriod period, int partitions) {
    this.config = config;
    this.period = period;
    this.partitions = new AccountPartitions(partitions);
  }

  public ReplaySummary run(Path events, Path outDir, PrintWriter diagnostics) throws IOException {
    Files.createDirectories(outDir);
    // The final health of each account: the one output kept until the end, one record per account.
    Map<String, AccountHealth> finalHealth = new TreeMap<>();
    int[] alerts = {0};
    try (BufferedWriter alertsOut = Files.newBufferedWriter(outDir.resolve("alerts.jsonl"));
        BufferedWriter rejectedOut = Files.newBufferedWriter(outDir.resolve("rejected.jsonl"))) {
      ReplayPipeline pipeline = new ReplayPipeline(config, partitions,
          health -> finalHealth.put(health.getAccountId(), health),
          alert -> {
            writeLine(alertsOut, AvroJson.line(alert));
            alerts[0]++;
          },
          finalHealth::remove);
      int[] counts = replayLines(events, pipeline, diagnostics, event -> { },
          (lineNumber, reason, line) -> writeRejected(rejectedOut, lineNumber, reason, line));
      writeHealth(outDir.resolve("health.jsonl"), finalHealth);
      writeKpis(outDir.resolve("kpis.json"), pipeline, finalHealth);
      writeAgents(outDir.resolve("agents.json"), pipeline.agentBoard(), pipeline.clock());
      return new ReplaySummary(counts[0], counts[1], finalHealth.size(), alerts[0]);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Replays {@code events} as {@link #run} does, refused lines reported the same way on {@code diagnostics}, but
   * writes no file and keeps no output: the accepted events, health records and alert transitions go to {@code
   * listener} as they happen. The summary counts the accounts the pipeline holds at the end.
   */
  public ReplaySummary observe(Path events, ReplayListener listener, PrintWriter diagnostics) throws IOException {
    int[] alerts = {0};
    ReplayPipeline pipeline = new ReplayPipeline(config, partitions, listener::health, alert -> {
      listener.alert(alert);
      alerts[0]++;
    }, listener::erased);
    try {
      int[] counts = replayLines(events, pipeline, diagnostics, listener::accepted, (lineNumber, reason, line) -> { });
      int[] accounts = {0};
      pipeline.forEachAccount(state -> accounts[0]++);
      return new ReplaySummary(counts[0], counts[1], accounts[0], alerts[0]);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Where a refused line goes besides the diagnostics. */
  private interface RefusedLines {
    void refused(int lineNumber, String reason, String line) throws IOException;
  }

  /**
   * Feeds every line of {@code events} to the pipeline in file order and evaluates what is still pending at the end;
   * returns the lines read and the lines refused.
   */
  private int[] replayLines(Path events, ReplayPipeline pipeline, PrintWriter diagnostics,
      Consumer<SpecificRecord> accepted, RefusedLines refusedLines) throws IOException {
    int lines = 0;
    int rejected = 0;
    Instant producedAt = Instant.now();
    try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lines++;
        String refusal = replayLine(pipeline, line, producedAt, accepted);
        if (refusal != null) {
          rejected++;
          diagnostics.println(events + ":" + lines + ": " + refusal);
          refusedLines.refused(lines, refusal, line);
        }
      }
    }
    pipeline.evaluatePending();
    return new int[] {lines, rejected};
  }

  /** Replays one line; returns why it was refused (by the parser or the pipeline), or null. */
  private String replayLine(ReplayPipeline pipeline, String line, Instant producedAt,
      Consumer<SpecificRecord> accepted) {
    try {
      InputLine input = codec.read(line);
      if (input instanceof InputLine.Erasure erasure) {
        pipeline.erase(erasure.accountId(), erasure.erasedAt());
        return null;
      }
      SpecificRecord event = ((InputLine.Event) input).event();
      String refusal = pipeline.accept(event, producedAt);
      if (refusal == null) {
        accepted.accept(event);
      }
      return refusal;
    } catch (InvalidEventException e) {
      return e.getMessage();
    }
  }

  private static void writeLine(BufferedWriter out, String line) {
    try {
      out.write(line);
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeRejected(BufferedWriter out, int lineNumber, String reason, String line)
      throws IOException {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("line", lineNumber);
    entry.put("reason", reason);
    entry.put("input", line);
    out.write(entry.toString());
    out.newLine();
  }

  private static void writeHealth(Path file, Map<String, AccountHealth> finalHealth) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (AccountHealth health : finalHealth.values()) {
        out.write(AvroJson.line(health));
        out.newLine();
      }
    }
  }

  /** The agent leaderboard over the last week of hours, as {@code GET /agents?hours=168} answers it. */
  private static void writeAgents(Path file, OfflineAgentBoard board, Instant clock) throws IOException {
    Instant until = board.streamTime().orElse(clock);
    JSON.writeValue(file.toFile(),
        AgentJson.leaderboard(board.leaderboard(AgentWindows.BOARD_SPAN, until), AgentWindows.BOARD_SPAN, until));
  }

  private void writeKpis(Path file, ReplayPipeline pipeline, Map<String, AccountHealth> finalHealth)
      throws IOException {
    PortfolioShare.Builder portfolio = new PortfolioShare.Builder(pipeline.clock(), period);
    Map<String, AccountState> states = new TreeMap<>();
    pipeline.forEachAccount(state -> states.put(state.accountId, state));
    states.forEach((accountId, state) -> {
      AccountHealth health = finalHealth.get(accountId);
      portfolio.add(state, health == null ? null : health.getBand());
    });
    pipeline.costs().forEach(cost -> portfolio.addCost(cost.centre(), cost.month(), cost.amountCents(),
        cost.newAccounts()));
    JSON.writeValue(file.toFile(), PortfolioKpis.of(portfolio.build(), config.portfolio().grossMargin()));
  }
}
