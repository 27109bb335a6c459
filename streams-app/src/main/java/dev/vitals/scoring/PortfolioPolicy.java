package dev.vitals.scoring;

/**
 * What the portfolio report needs beyond the events (SPEC §3): the gross margin CLV is computed with. It changes no
 * score, only the CLV of {@code kpis.json}, {@code GET /kpis} and the metrics.
 *
 * @param grossMargin the share of revenue left after the cost of serving it, in (0, 1]; 0.8 unless configured
 */
public record PortfolioPolicy(double grossMargin) {
  public static final PortfolioPolicy DEFAULTS = new PortfolioPolicy(0.8);

  public PortfolioPolicy {
    Checks.finite("grossMargin", grossMargin);
    if (grossMargin <= 0 || grossMargin > 1) {
      throw new InvalidScoringConfigException("grossMargin",
          "must be a share above 0 and at most 1 (0.8 for 80 %), was " + Checks.number(grossMargin));
    }
  }
}
