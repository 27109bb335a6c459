package dev.vitals.scoring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vitals.kpi.DataSource;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.Segment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the YAML document into {@link ScoringConfig}. The tree is walked by hand rather than bound by Jackson so
 * that every error carries the YAML path the person edited, not a Java type name.
 */
final class ScoringConfigYaml {
  private static final String DEFAULT_WEIGHTS_KEY = "default";

  private ScoringConfigYaml() {}

  static ScoringConfig parse(String source, String yaml) {
    try {
      return read(new YamlNode(readTree(source, yaml), ""));
    } catch (InvalidScoringConfigException e) {
      throw e.in(source);
    }
  }

  private static JsonNode readTree(String source, String yaml) {
    ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder()
        // A key given twice is almost always an editing mistake; the last one would win silently.
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build());
    try {
      JsonNode root = mapper.readTree(yaml);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw InvalidScoringConfigException.ofSource(source, "is empty", null);
      }
      return root;
    } catch (JacksonException e) {
      throw InvalidScoringConfigException.ofSource(source, "invalid YAML" + where(e) + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String where(JacksonException e) {
    JsonLocation location = e.getLocation();
    return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static ScoringConfig read(YamlNode root) {
    root.allowOnly(List.of("modelVersion", "bands", "weights", "factors", "alerts", "pipeline", "portfolio",
        "onboarding"));
    String modelVersion = root.field("modelVersion").asText();
    BandThresholds bands = bands(root.field("bands"));
    YamlNode weightsNode = root.field("weights");
    ComponentWeights defaultWeights = componentWeights(weightsNode.field(DEFAULT_WEIGHTS_KEY));
    Map<Segment, ComponentWeights> weights = segmentWeights(weightsNode);
    Map<FactorId, FactorSpec> factors = factors(root.field("factors"));
    AlertThresholds alerts = alerts(root.field("alerts"));
    PipelinePolicy pipeline = pipeline(root.field("pipeline"));
    PortfolioPolicy portfolio = root.optionalField("portfolio").map(ScoringConfigYaml::portfolio)
        .orElse(PortfolioPolicy.DEFAULTS);
    OnboardingPolicy onboarding = root.optionalField("onboarding").map(ScoringConfigYaml::onboarding)
        .orElse(OnboardingPolicy.DEFAULTS);
    return new ScoringConfig(modelVersion, bands, weights, defaultWeights, factors, alerts, pipeline, portfolio,
        onboarding);
  }

  private static BandThresholds bands(YamlNode node) {
    node.allowOnly(List.of("healthyAtOrAbove", "atRiskBelow"));
    double healthy = node.field("healthyAtOrAbove").asDouble();
    double atRisk = node.field("atRiskBelow").asDouble();
    return at(node, () -> new BandThresholds(healthy, atRisk));
  }

  private static Map<Segment, ComponentWeights> segmentWeights(YamlNode node) {
    List<String> allowed = new ArrayList<>();
    allowed.add(DEFAULT_WEIGHTS_KEY);
    for (Segment segment : Segment.values()) {
      allowed.add(segment.name());
    }
    node.allowOnly(allowed);
    Map<Segment, ComponentWeights> weights = new EnumMap<>(Segment.class);
    for (Segment segment : Segment.values()) {
      node.optionalField(segment.name()).ifPresent(w -> weights.put(segment, componentWeights(w)));
    }
    return weights;
  }

  private static ComponentWeights componentWeights(YamlNode node) {
    node.allowOnly(componentLabels());
    double usage = node.field("usage").asDouble();
    double support = node.field("support").asDouble();
    double financial = node.field("financial").asDouble();
    double sentiment = node.field("sentiment").asDouble();
    return at(node, () -> new ComponentWeights(usage, support, financial, sentiment));
  }

  private static Map<FactorId, FactorSpec> factors(YamlNode node) {
    node.allowOnly(componentLabels());
    Map<FactorId, FactorSpec> factors = new EnumMap<>(FactorId.class);
    for (Component component : Component.values()) {
      YamlNode componentNode = node.field(component.label());
      componentNode.allowOnly(FactorId.of(component).stream().map(FactorId::key).toList());
      for (FactorId id : FactorId.of(component)) {
        factors.put(id, factorSpec(componentNode.field(id.key())));
      }
    }
    return factors;
  }

  private static FactorSpec factorSpec(YamlNode node) {
    node.allowOnly(List.of("weight", "criticalWeight", "curve", "segments", "shrink"));
    double weight = node.field("weight").asDouble();
    double criticalWeight = node.optionalField("criticalWeight").map(YamlNode::asDouble).orElse(weight);
    Curve curve = curve(node.field("curve"));
    Map<Segment, Curve> segmentCurves = new EnumMap<>(Segment.class);
    node.optionalField("segments").ifPresent(segments -> {
      segments.allowOnly(List.of(segmentNames()));
      for (Segment segment : Segment.values()) {
        segments.optionalField(segment.name()).ifPresent(c -> segmentCurves.put(segment, curve(c)));
      }
    });
    Shrinkage shrinkage = node.optionalField("shrink").map(ScoringConfigYaml::shrinkage).orElse(null);
    return at(node, () -> new FactorSpec(weight, criticalWeight, curve, segmentCurves, shrinkage));
  }

  /** {@code shrink: {toward: 20, weight: 3, segments: {ENTERPRISE: 30}}}. */
  private static Shrinkage shrinkage(YamlNode node) {
    node.allowOnly(List.of("toward", "weight", "segments"));
    double toward = node.field("toward").asDouble();
    double weight = node.field("weight").asDouble();
    Map<Segment, Double> segmentToward = new EnumMap<>(Segment.class);
    node.optionalField("segments").ifPresent(segments -> {
      segments.allowOnly(List.of(segmentNames()));
      for (Segment segment : Segment.values()) {
        segments.optionalField(segment.name()).ifPresent(v -> segmentToward.put(segment, v.asDouble()));
      }
    });
    return at(node, () -> new Shrinkage(toward, weight, segmentToward));
  }

  /** A curve is written as a list of [x, score] pairs. */
  private static Curve curve(YamlNode node) {
    List<Curve.Point> points = new ArrayList<>();
    for (YamlNode pair : node.elements()) {
      List<YamlNode> xy = pair.elements();
      if (xy.size() != 2) {
        throw pair.error("must be a pair [x, score], had " + xy.size() + " values");
      }
      double x = xy.get(0).asDouble();
      double score = xy.get(1).asDouble();
      points.add(at(pair, () -> new Curve.Point(x, score)));
    }
    return at(node, () -> new Curve(points));
  }

  private static AlertThresholds alerts(YamlNode node) {
    node.allowOnly(List.of("atRiskResolveAtOrAbove", "scoreDropPoints", "scoreDropWindow", "paymentFailures",
        "detractorMaxScore", "usageCollapseRatio", "usageCollapseMinWeeklyEvents", "dormantAfter", "renewalWithin",
        "resolveMargins", "minimumOpen", "minimumEvidence"));
    double resolve = node.field("atRiskResolveAtOrAbove").asDouble();
    double dropPoints = node.field("scoreDropPoints").asDouble();
    var dropWindow = node.field("scoreDropWindow").asDuration();
    int paymentFailures = node.field("paymentFailures").asInt();
    int detractorMax = node.field("detractorMaxScore").asInt();
    double collapseRatio = node.field("usageCollapseRatio").asDouble();
    double collapseMinimum = node.field("usageCollapseMinWeeklyEvents").asDouble();
    var dormantAfter = node.field("dormantAfter").asDuration();
    var renewalWithin = node.field("renewalWithin").asDuration();
    AlertStability stability = stability(node);
    return at(node, () -> new AlertThresholds(resolve, dropPoints, dropWindow, paymentFailures, detractorMax,
        collapseRatio, collapseMinimum, dormantAfter, renewalWithin, stability));
  }

  private static AlertStability stability(YamlNode alerts) {
    YamlNode margins = alerts.field("resolveMargins");
    margins.allowOnly(List.of("scoreDropBelowPoints", "usageCollapseAtRatio", "renewalAboveHealthyPoints"));
    YamlNode open = alerts.field("minimumOpen");
    Map<AlertRule, Duration> minimumOpen = new EnumMap<>(AlertRule.class);
    for (String rule : open.fieldNames()) {
      AlertRule parsed = Arrays.stream(AlertRule.values()).filter(r -> r.name().equals(rule)).findFirst()
          .orElseThrow(() -> open.field(rule).error("is not a rule; one of " + Arrays.toString(AlertRule.values())));
      minimumOpen.put(parsed, open.field(rule).asDuration());
    }
    YamlNode evidence = alerts.field("minimumEvidence");
    evidence.allowOnly(List.of("accountAge", "coverage"));
    double scoreDrop = margins.field("scoreDropBelowPoints").asDouble();
    double usage = margins.field("usageCollapseAtRatio").asDouble();
    double renewal = margins.field("renewalAboveHealthyPoints").asDouble();
    Duration age = evidence.field("accountAge").asDuration();
    double coverage = evidence.field("coverage").asDouble();
    return at(alerts, () -> new AlertStability(scoreDrop, usage, renewal, minimumOpen, age, coverage));
  }

  private static PipelinePolicy pipeline(YamlNode node) {
    node.allowOnly(List.of("grace", "maxFutureSkew", "emitInterval", "dataGap"));
    var grace = node.field("grace").asDuration();
    var maxFutureSkew = node.field("maxFutureSkew").asDuration();
    var emitInterval = node.field("emitInterval").asDuration();
    // Optional, and so is each source in it: a configuration written before data gaps existed keeps working.
    DataGapPolicy dataGap = node.optionalField("dataGap").map(ScoringConfigYaml::dataGap)
        .orElseGet(DataGapPolicy::defaults);
    return at(node, () -> new PipelinePolicy(grace, maxFutureSkew, emitInterval, dataGap));
  }

  private static DataGapPolicy dataGap(YamlNode node) {
    node.allowOnly(DataSource.all().stream().map(DataSource::label).toList());
    Map<DataSource, Duration> given = new EnumMap<>(DataSource.class);
    for (String name : node.fieldNames()) {
      given.put(DataSource.ofLabel(name), node.field(name).asDuration());
    }
    return at(node, () -> DataGapPolicy.defaultsWith(given));
  }

  private static PortfolioPolicy portfolio(YamlNode node) {
    node.allowOnly(List.of("grossMargin"));
    double grossMargin = node.field("grossMargin").asDouble();
    return at(node, () -> new PortfolioPolicy(grossMargin));
  }

  private static OnboardingPolicy onboarding(YamlNode node) {
    node.allowOnly(List.of("stalledAfter"));
    Duration stalledAfter = node.field("stalledAfter").asDuration();
    return at(node, () -> new OnboardingPolicy(stalledAfter));
  }

  /** Builds a record, re-attributing its validation error (relative to its own fields) to the YAML path. */
  private static <T> T at(YamlNode node, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidScoringConfigException e) {
      return node.path().isEmpty() ? rethrow(e) : rethrow(e.under(node.path()));
    }
  }

  private static <T> T rethrow(InvalidScoringConfigException e) {
    throw e;
  }

  private static List<String> componentLabels() {
    return Arrays.stream(Component.values()).map(Component::label).toList();
  }

  private static String[] segmentNames() {
    return Arrays.stream(Segment.values()).map(Segment::name).toArray(String[]::new);
  }
}
