package dev.vitals.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vitals.events.InvalidEventException;
import dev.vitals.events.JsonEventCodec;
import dev.vitals.kpi.AccountState;
import dev.vitals.json.AvroJson;
import dev.vitals.kpi.PortfolioKpis;
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

/**
 * {@code replay --events FILE.jsonl --out DIR}: runs the production pipeline's domain code offline ({@link
 * ReplayPipeline}) over a JSON-lines history,
 * in file order, and writes {@code health.jsonl} (the final health of each account), {@code alerts.jsonl} (every
 * alert transition in order), {@code kpis.json} (the portfolio KPIs) and {@code rejected.jsonl} (every line the
 * parser or the pipeline refused, with the reason). A bad line is reported as {@code FILE:LINE: reason} and the
 * run goes on.
 */
public final class Replay {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final ScoringConfig config;
  private final JsonEventCodec codec = new JsonEventCodec();

  public Replay(ScoringConfig config) {
    this.config = config;
  }

  public ReplaySummary run(Path events, Path outDir, PrintWriter diagnostics) throws IOException {
    Files.createDirectories(outDir);
    // The final health of each account: the one output kept until the end, one record per account.
    Map<String, AccountHealth> finalHealth = new TreeMap<>();
    int lines = 0;
    int rejected = 0;
    int[] alerts = {0};
    Instant producedAt = Instant.now();
    try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8);
        BufferedWriter alertsOut = Files.newBufferedWriter(outDir.resolve("alerts.jsonl"));
        BufferedWriter rejectedOut = Files.newBufferedWriter(outDir.resolve("rejected.jsonl"))) {
      ReplayPipeline pipeline = new ReplayPipeline(config,
          health -> finalHealth.put(health.getAccountId(), health),
          alert -> {
            writeLine(alertsOut, AvroJson.line(alert));
            alerts[0]++;
          });
      String line;
      while ((line = in.readLine()) != null) {
        lines++;
        String refusal = replayLine(pipeline, line, producedAt);
        if (refusal != null) {
          rejected++;
          diagnostics.println(events + ":" + lines + ": " + refusal);
          writeRejected(rejectedOut, lines, refusal, line);
        }
      }
      pipeline.evaluatePending();
      writeHealth(outDir.resolve("health.jsonl"), finalHealth);
      writeKpis(outDir.resolve("kpis.json"), pipeline, finalHealth);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new ReplaySummary(lines, rejected, finalHealth.size(), alerts[0]);
  }

  /** Replays one line; returns why it was refused (by the parser or the pipeline), or null. */
  private String replayLine(ReplayPipeline pipeline, String line, Instant producedAt) {
    try {
      return pipeline.accept(codec.parse(line), producedAt);
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

  private static void writeKpis(Path file, ReplayPipeline pipeline, Map<String, AccountHealth> finalHealth)
      throws IOException {
    PortfolioKpis.Builder portfolio = new PortfolioKpis.Builder(pipeline.clock(), PortfolioKpis.DEFAULT_PERIOD);
    Map<String, AccountState> states = new TreeMap<>();
    pipeline.forEachAccount(state -> states.put(state.accountId, state));
    states.forEach((accountId, state) -> {
      AccountHealth health = finalHealth.get(accountId);
      portfolio.add(state, health == null ? null : health.getBand());
    });
    JSON.writeValue(file.toFile(), portfolio.build());
  }
}
