package dev.vitals.testing;

import dev.vitals.scoring.ScoringConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Scoring configurations for tests that need to steer the score by hand: the bundled YAML with a few lines
 * replaced, so everything not mentioned stays the production model.
 */
public final class TestScoring {
  /** Model version of {@link #csatIsTheScore()}, distinct from the bundled one so tests can tell them apart. */
  public static final String TEST_MODEL_VERSION = "test-model-7";

  private TestScoring() {}

  /** The bundled model's YAML text. */
  public static String defaultYaml() {
    try (InputStream in = TestScoring.class.getClassLoader().getResourceAsStream(ScoringConfig.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bundled model, but the CSAT curve is the identity ([[0, 0], [100, 100]]): for an account whose only data
   * are CSAT answers, the health score is the CSAT percentage (the sentiment component is the only one with data
     * and CSAT its only available factor; its answers are taken as they are, not weighed towards a norm). Such an
   * account is thin data by construction (a quarter of the model, a few days old), so the minimum evidence for
   * score-based alerts is off; it has tests of its own.
   */
  public static ScoringConfig csatIsTheScore() {
    return fromDefaultReplacing(withoutMinimumEvidence(
        "modelVersion: \"2026.11-3\"", "modelVersion: \"" + TEST_MODEL_VERSION + "\"",
        "curve: [[50, 0], [90, 100]]", "curve: [[0, 0], [100, 100]]",
        "      shrink: {toward: 80, weight: 2}\n", ""));
  }

  /**
   * {@code oldAndNew} plus the replacements that take NPS answers as they are (no weighing of small samples towards
   * the norm), for tests that steer the score with one respondent's answer.
   */
  public static String[] npsAsAnswered(String... oldAndNew) {
    String[] all = java.util.Arrays.copyOf(oldAndNew, oldAndNew.length + 2);
    all[oldAndNew.length] =
        "      shrink: {toward: 20, weight: 2, segments: {ENTERPRISE: 30, MID_MARKET: 25, SMB: 15}}\n";
    all[oldAndNew.length + 1] = "";
    return all;
  }

  /**
   * {@code oldAndNew} plus the replacement that switches on minimum open times (off in the bundled model, see
   * docs/alerts.md); the resolve margins are on in the bundled model.
   */
  public static String[] withAlertStability(String... oldAndNew) {
    String[] stability = {
        "minimumOpen: {}", "minimumOpen: {AT_RISK: P1D, SCORE_DROP: P3D, USAGE_COLLAPSE: P3D, RENEWAL_AT_RISK: P7D}"};
    String[] all = java.util.Arrays.copyOf(oldAndNew, oldAndNew.length + stability.length);
    System.arraycopy(stability, 0, all, oldAndNew.length, stability.length);
    return all;
  }

  /** {@code oldAndNew} plus the replacements that switch off the minimum evidence of score-based alerts. */
  public static String[] withoutMinimumEvidence(String... oldAndNew) {
    String[] all = java.util.Arrays.copyOf(oldAndNew, oldAndNew.length + 4);
    all[oldAndNew.length] = "accountAge: P7D";
    all[oldAndNew.length + 1] = "accountAge: P0D";
    all[oldAndNew.length + 2] = "coverage: 0.5";
    all[oldAndNew.length + 3] = "coverage: 0";
    return all;
  }

  /** The bundled YAML with each {@code (old, new)} pair replaced; fails if a line to replace is not there. */
  public static ScoringConfig fromDefaultReplacing(String... oldAndNew) {
    String yaml = defaultYaml();
    for (int i = 0; i < oldAndNew.length; i += 2) {
      if (!yaml.contains(oldAndNew[i])) {
        throw new IllegalArgumentException("scoring.yaml has no '" + oldAndNew[i] + "'");
      }
      yaml = yaml.replace(oldAndNew[i], oldAndNew[i + 1]);
    }
    return ScoringConfig.fromYaml("test", yaml);
  }
}
