package dev.vitals.scoring;

import dev.vitals.schema.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything CS operations tune, loaded from one YAML file and validated as a whole when loaded, so a bad edit
 * stops the service at start with one clear message instead of producing odd scores later.
 *
 * @param modelVersion carried by every score, so that a change of model is never mistaken for a change in the
 *     customer; bump it whenever anything in this file changes
 * @param bands band thresholds
 * @param weights component weights per segment; a segment not listed uses {@code defaultWeights}
 * @param defaultWeights component weights for accounts whose segment is unknown (null) or not listed
 * @param factors every factor's weight and curve; all factors of {@link FactorId} must be present
 * @param alerts churn-risk alert thresholds (read by the alert rules, not by the model)
 * @param pipeline event-time policy (read by the topology)
 * @param portfolio what the portfolio report needs (CLV's gross margin); optional in the file
 * @param onboarding when onboarding counts as stalled (the ONBOARDING_STALLED alert); optional in the file
 */
public record ScoringConfig(
    String modelVersion,
    BandThresholds bands,
    Map<Segment, ComponentWeights> weights,
    ComponentWeights defaultWeights,
    Map<FactorId, FactorSpec> factors,
    AlertThresholds alerts,
    PipelinePolicy pipeline,
    PortfolioPolicy portfolio,
    OnboardingPolicy onboarding) {

  /** Classpath location of the bundled model. */
  public static final String DEFAULT_RESOURCE = "vitals/scoring.yaml";

  public ScoringConfig {
    if (modelVersion == null || modelVersion.isBlank()) {
      throw new InvalidScoringConfigException("modelVersion", "is required and must not be blank");
    }
    Checks.present("bands", bands);
    Checks.present("weights.default", defaultWeights);
    Checks.present("alerts", alerts);
    Checks.present("pipeline", pipeline);
    portfolio = portfolio == null ? PortfolioPolicy.DEFAULTS : portfolio;
    onboarding = onboarding == null ? OnboardingPolicy.DEFAULTS : onboarding;
    weights = copyWeights(weights);
    factors = copyFactors(factors);
    requireSomeFactorWeightPerComponent(factors);
    try {
      alerts.requireHysteresisAbove(bands);
    } catch (InvalidScoringConfigException e) {
      throw e.under("alerts");
    }
  }

  /** A model with the default portfolio policy. */
  public ScoringConfig(String modelVersion, BandThresholds bands, Map<Segment, ComponentWeights> weights,
      ComponentWeights defaultWeights, Map<FactorId, FactorSpec> factors, AlertThresholds alerts,
      PipelinePolicy pipeline) {
    this(modelVersion, bands, weights, defaultWeights, factors, alerts, pipeline, PortfolioPolicy.DEFAULTS);
  }

  /** A model with the default onboarding policy. */
  public ScoringConfig(String modelVersion, BandThresholds bands, Map<Segment, ComponentWeights> weights,
      ComponentWeights defaultWeights, Map<FactorId, FactorSpec> factors, AlertThresholds alerts,
      PipelinePolicy pipeline, PortfolioPolicy portfolio) {
    this(modelVersion, bands, weights, defaultWeights, factors, alerts, pipeline, portfolio,
        OnboardingPolicy.DEFAULTS);
  }

  /** The model bundled with the service ({@value #DEFAULT_RESOURCE}). */
  public static ScoringConfig defaults() {
    String source = "classpath:" + DEFAULT_RESOURCE;
    try (InputStream in = ScoringConfig.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw InvalidScoringConfigException.ofSource(source, "resource not found", null);
      }
      return fromYaml(source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw InvalidScoringConfigException.ofSource(source, "cannot read: " + e, e);
    }
  }

  /** Loads and validates a YAML file; errors name the file as given. */
  public static ScoringConfig load(Path file) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InvalidScoringConfigException.ofSource(source, "cannot read: " + e, e);
    }
    return fromYaml(source, text);
  }

  /**
   * Parses and validates YAML text.
   *
   * @param source the name used in error messages, e.g. the file name
   */
  public static ScoringConfig fromYaml(String source, String yaml) {
    return ScoringConfigYaml.parse(source, yaml);
  }

  /** Component weights for a segment; the default weights when the segment is null or not configured. */
  public ComponentWeights weightsFor(Segment segmentOrNull) {
    if (segmentOrNull == null) {
      return defaultWeights;
    }
    return weights.getOrDefault(segmentOrNull, defaultWeights);
  }

  public FactorSpec factor(FactorId id) {
    return factors.get(id);
  }

  /** The effective configuration as deterministic, readable text, for the start-up log and for diffs. */
  public String describe() {
    return ScoringConfigText.render(this);
  }

  private static Map<Segment, ComponentWeights> copyWeights(Map<Segment, ComponentWeights> weights) {
    Map<Segment, ComponentWeights> copy = new EnumMap<>(Segment.class);
    if (weights != null) {
      weights.forEach((segment, w) -> copy.put(segment, Checks.present("weights." + segment, w)));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Map<FactorId, FactorSpec> copyFactors(Map<FactorId, FactorSpec> factors) {
    Map<FactorId, FactorSpec> copy = new EnumMap<>(FactorId.class);
    for (FactorId id : FactorId.values()) {
      // Every factor must be spelt out: a silently missing factor would change scores without anyone noticing.
      // Set its weight to 0 to switch it off.
      FactorSpec spec = factors == null ? null : factors.get(id);
      copy.put(id, Checks.present(factorPath(id), spec));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static void requireSomeFactorWeightPerComponent(Map<FactorId, FactorSpec> factors) {
    for (Component component : Component.values()) {
      double total = FactorId.of(component).stream().mapToDouble(id -> factors.get(id).weight()).sum();
      if (total <= 0) {
        throw new InvalidScoringConfigException("factors." + component.label(),
            "factor weights must not all be zero");
      }
    }
  }

  static String factorPath(FactorId id) {
    return "factors." + id.component().label() + "." + id.key();
  }
}
