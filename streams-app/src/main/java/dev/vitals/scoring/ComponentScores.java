package dev.vitals.scoring;

/** The four component scores, 0–100 with one decimal; null where the component had no data. */
public record ComponentScores(Double usage, Double support, Double financial, Double sentiment) {

  public static final ComponentScores NONE = new ComponentScores(null, null, null, null);

  public Double of(Component component) {
    return switch (component) {
      case USAGE -> usage;
      case SUPPORT -> support;
      case FINANCIAL -> financial;
      case SENTIMENT -> sentiment;
    };
  }
}
