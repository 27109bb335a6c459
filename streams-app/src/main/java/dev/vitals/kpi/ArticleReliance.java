package dev.vitals.kpi;

import dev.vitals.schema.SurveyKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which help articles an account leans on (SPEC §3, help-article reliance): each article's views in the 30 usage
 * days up to {@code asOf} and its RESOURCE ratings of the 90 days before it. At most {@value #MAX_ARTICLES} per
 * account, the most viewed first (then the most rated, then by name), so a health record stays small whatever the
 * help centre's size.
 */
public final class ArticleReliance {
  static final int MAX_ARTICLES = 20;

  private ArticleReliance() {}

  public static List<ArticleFigure> of(AccountState state, Instant asOf) {
    long today = EventDay.of(asOf);
    Map<String, ArticleFigure> byArticle = new TreeMap<>();
    state.usage.articles.between(today - KpiWindows.ACTIVE_DAYS + 1, today).forEach((article, views) ->
        byArticle.merge(article, new ArticleFigure(article, views, 0, 0), ArticleFigure::plus));
    Instant from = asOf.minus(KpiWindows.SURVEYS);
    for (SurveyAnswer answer : state.surveys.answers) {
      if (answer.survey() == SurveyKind.RESOURCE && answer.touchpoint() != null && answer.at().isAfter(from)
          && !answer.at().isAfter(asOf)) {
        byArticle.merge(answer.touchpoint(), new ArticleFigure(answer.touchpoint(), 0, 1, answer.score()),
            ArticleFigure::plus);
      }
    }
    return byArticle.values().stream()
        .sorted(Comparator.comparingLong(ArticleFigure::views30d).reversed()
            .thenComparing(Comparator.comparingInt(ArticleFigure::ratings90d).reversed())
            .thenComparing(ArticleFigure::article))
        .limit(MAX_ARTICLES)
        .toList();
  }
}
