package dev.vitals.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vitals.replay.Replay;
import dev.vitals.replay.ReplaySummary;
import dev.vitals.scoring.ScoringConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code calibrate --events FILE.jsonl}: replays a JSON-lines history through the pipeline's domain code exactly as
 * {@code replay} does ({@link Replay#observe}), keeps each account's band timeline and outcome, and measures how well
 * the configured model's bands predicted the cancellations ({@link Calibration}); writes {@code calibration.json}.
 * A refused line is reported as {@code FILE:LINE: reason}, as by replay, and the run goes on.
 */
public final class Calibrate {
  /** The file written to the output folder. */
  public static final String REPORT_FILE = "calibration.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final ScoringConfig config;

  public Calibrate(ScoringConfig config) {
    this.config = config;
  }

  /** What one run did: the replay's counts, the report, and where its JSON went. */
  public record Result(ReplaySummary replay, CalibrationReport report, Path json) {

    /** The report as terminal text. */
    public String table(String modelVersion) {
      return CalibrationTable.render(report, modelVersion);
    }
  }

  public Result run(Path events, Path outDir, PrintWriter diagnostics) throws IOException {
    OutcomeObserver observer = new OutcomeObserver();
    ReplaySummary summary = new Replay(config).observe(events, observer, diagnostics);
    CalibrationReport report = Calibration.of(observer.history());
    Files.createDirectories(outDir);
    Path json = outDir.resolve(REPORT_FILE);
    ObjectNode document = JSON.createObjectNode();
    document.put("events", events.toString());
    document.put("modelVersion", config.modelVersion());
    document.put("lines", summary.lines());
    document.put("rejected", summary.rejected());
    document.setAll((ObjectNode) JSON.valueToTree(report));
    JSON.writeValue(json.toFile(), document);
    return new Result(summary, report, json);
  }
}
