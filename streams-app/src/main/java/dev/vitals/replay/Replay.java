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
import dev.vitals.schema.ChurnAlert;
import dev.vitals.scoring.ScoringConfig;
import dev.vitals.serde.MockSchemaRegistryScope;
import dev.vitals.serde.VitalsSerdes;
import dev.vitals.topology.DeadLetterHeaders;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;

/**
 * {@code replay --events FILE.jsonl --out DIR}: runs the production topology offline over a JSON-lines history,
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
    String registry = "replay-" + UUID.randomUUID();
    Path stateDir = Files.createTempDirectory("vitals-replay-state");
    Map<String, AccountHealth> finalHealth = new TreeMap<>();
    int lines = 0;
    int rejected = 0;
    int alerts = 0;
    Instant producedAt = Instant.now();
    try (OfflinePipeline pipeline = new OfflinePipeline(config, VitalsSerdes.mock(registry), producedAt, stateDir);
        BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8);
        BufferedWriter alertsOut = Files.newBufferedWriter(outDir.resolve("alerts.jsonl"));
        BufferedWriter rejectedOut = Files.newBufferedWriter(outDir.resolve("rejected.jsonl"))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines++;
        String where = events + ":" + lines;
        String refusal = replayLine(pipeline, line, producedAt);
        for (TestRecord<byte[], byte[]> dead : pipeline.drainDeadLetters()) {
          refusal = header(dead, DeadLetterHeaders.REASON) + ": " + header(dead, DeadLetterHeaders.DETAIL);
        }
        if (refusal != null) {
          rejected++;
          diagnostics.println(where + ": " + refusal);
          writeRejected(rejectedOut, lines, refusal, line);
        }
        pipeline.drainHealth().forEach(health -> finalHealth.put(health.getAccountId(), health));
        for (ChurnAlert alert : pipeline.drainAlerts()) {
          alertsOut.write(AvroJson.line(alert));
          alertsOut.newLine();
          alerts++;
        }
      }
      writeHealth(outDir.resolve("health.jsonl"), finalHealth);
      writeKpis(outDir.resolve("kpis.json"), pipeline, finalHealth);
    } finally {
      MockSchemaRegistryScope.drop(registry);
      deleteRecursively(stateDir);
    }
    return new ReplaySummary(lines, rejected, finalHealth.size(), alerts);
  }

  /** Pipes one line; returns why the parser refused it, or null when it went into the pipeline. */
  private String replayLine(OfflinePipeline pipeline, String line, Instant producedAt) {
    try {
      // Each event is evaluated on its own, so replay shows every alert transition a live run could show.
      pipeline.pipe(codec.parse(line), producedAt);
      pipeline.letEmitIntervalPass();
      return null;
    } catch (InvalidEventException e) {
      return e.getMessage();
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

  private static void writeKpis(Path file, OfflinePipeline pipeline, Map<String, AccountHealth> finalHealth)
      throws IOException {
    Map<String, AccountState> states = new TreeMap<>();
    try (KeyValueIterator<String, AccountState> all = pipeline.accounts().all()) {
      all.forEachRemaining((KeyValue<String, AccountState> entry) -> states.put(entry.key, entry.value));
    }
    Instant streamTime = states.values().stream()
        .map(state -> state.latestEventAt)
        .max(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
    PortfolioKpis.Builder portfolio = new PortfolioKpis.Builder(streamTime, PortfolioKpis.DEFAULT_PERIOD);
    states.forEach((accountId, state) -> {
      AccountHealth health = finalHealth.get(accountId);
      portfolio.add(state, health == null ? null : health.getBand());
    });
    JSON.writeValue(file.toFile(), portfolio.build());
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
