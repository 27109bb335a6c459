package dev.vitals.metrics;

import dev.vitals.schema.AdoptionValues;
import dev.vitals.schema.HelpArticleValues;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The help-article series of docs/metrics.md: per article, views in the last 30 days and RESOURCE ratings of the
 * last 90 (a count and a sum of points, so the mean adds up over instances), summed over the owned accounts' health
 * records. Article names come from upstream: the {@value #EXPORTED} most viewed are exported, the rest summed as
 * {@code other}, so a help centre of thousands of pages does not become thousands of series.
 */
final class ArticleTotals {
  static final int EXPORTED = 50;
  static final String OTHER = "other";

  private final Map<String, long[]> articles = new TreeMap<>();

  void add(OwnedAccount account) {
    AdoptionValues adoption = account.health().getAdoption();
    if (adoption == null) {
      return;
    }
    for (HelpArticleValues article : adoption.getArticles()) {
      long[] sums = articles.computeIfAbsent(article.getArticle(), a -> new long[3]);
      sums[0] += article.getViews30d();
      sums[1] += article.getRatings90d();
      sums[2] += article.getRatingPoints90d();
    }
  }

  void exportTo(MetricFamilies out) {
    List<Map.Entry<String, long[]>> mostViewed = new ArrayList<>(articles.entrySet());
    mostViewed.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
        .thenComparing(Map.Entry::getKey));
    Map<String, long[]> exported = new TreeMap<>();
    for (int i = 0; i < mostViewed.size(); i++) {
      String article = i < EXPORTED && !mostViewed.get(i).getKey().equals(OTHER) ? mostViewed.get(i).getKey() : OTHER;
      long[] into = exported.computeIfAbsent(article, a -> new long[3]);
      for (int k = 0; k < 3; k++) {
        into[k] += mostViewed.get(i).getValue()[k];
      }
    }
    exported.forEach((article, sums) -> {
      Labels labels = Labels.of("article", article);
      out.gauge("vitals_article_views_30d", "Views of the help article in the last 30 days", labels, sums[0]);
      out.gauge("vitals_article_ratings_90d", "RESOURCE ratings of the help article in the last 90 days", labels,
          sums[1]);
      out.gauge("vitals_article_rating_points_90d", "Sum of those ratings (1-5 points each)", labels, sums[2]);
    });
  }
}
