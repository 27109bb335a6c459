package dev.vitals.scoring;

/**
 * How much each component counts in the overall score for one segment. Weights are relative: they need not
 * add up to 1, because the model divides by the sum of the weights of the components that have data.
 */
public record ComponentWeights(double usage, double support, double financial, double sentiment) {

  public ComponentWeights {
    Checks.atLeast("usage", usage, 0);
    Checks.atLeast("support", support, 0);
    Checks.atLeast("financial", financial, 0);
    Checks.atLeast("sentiment", sentiment, 0);
    if (usage + support + financial + sentiment <= 0) {
      // All zero would leave nothing to divide by: every score would be undefined.
      throw new InvalidScoringConfigException("", "usage, support, financial and sentiment must not all be zero");
    }
  }

  public double of(Component component) {
    return switch (component) {
      case USAGE -> usage;
      case SUPPORT -> support;
      case FINANCIAL -> financial;
      case SENTIMENT -> sentiment;
    };
  }

  public double total() {
    return usage + support + financial + sentiment;
  }
}
