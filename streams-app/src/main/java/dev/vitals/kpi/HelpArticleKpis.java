package dev.vitals.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Help-article reliance of one segment, or of every account, in kpis.json and {@code GET /kpis}
 * ({@code helpArticles}; docs/scoring.md lists the fields): views per active user, and the most viewed articles with
 * their mean RESOURCE rating, those customers lean on and rate poorly flagged.
 *
 * @param docViewsPerActiveUser help-article views per active user, last 30 days; null without active users
 * @param mostViewed the {@value #LISTED} most viewed articles, most viewed first
 */
public record HelpArticleKpis(long docViews30d, Double docViewsPerActiveUser, List<Article> mostViewed) {
  static final int LISTED = 10;
  /** An article with at least this share of all article views is one customers rely on. */
  public static final double HEAVY_RELIANCE_SHARE = 0.15;
  /** ... and one rated below this mean (1–5) does not help them. */
  public static final double LOW_RATING_BELOW = 3.0;

  /**
   * @param shareOfViews the article's views over all article views of the 30 days
   * @param meanRating mean RESOURCE rating of the 90 days; null without ratings
   * @param flagged relied on (share at least 15 %) and rated poorly (mean under 3)
   */
  public record Article(String article, long views30d, double shareOfViews, int ratings90d, Double meanRating,
      boolean flagged) {}

  static HelpArticleKpis of(OnboardingCounts c, int activeUsers) {
    long allViews = c.articles().values().stream().mapToLong(sums -> sums.get(0)).sum();
    List<Article> listed = new ArrayList<>();
    c.articles().entrySet().stream()
        .filter(entry -> entry.getValue().get(0) > 0)
        .sorted(Comparator.comparingLong((Map.Entry<String, List<Long>> e) -> e.getValue().get(0)).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(LISTED)
        .forEach(entry -> {
          long views = entry.getValue().get(0);
          int ratings = entry.getValue().get(1).intValue();
          Double mean = ratings == 0 ? null : (double) entry.getValue().get(2) / ratings;
          double share = (double) views / allViews;
          listed.add(new Article(entry.getKey(), views, share, ratings, mean,
              share >= HEAVY_RELIANCE_SHARE && mean != null && mean < LOW_RATING_BELOW));
        });
    return new HelpArticleKpis(c.docViews30d(), activeUsers == 0 ? null : (double) c.docViews30d() / activeUsers,
        List.copyOf(listed));
  }
}
