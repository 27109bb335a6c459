package dev.vitals.kpi;

/**
 * One help article as an account read and rated it: views (DOC_VIEWED) in the last 30 days, and RESOURCE ratings
 * (1–5, the survey's touchpoint names the article) in the last 90 days, as a count and a sum so that means add up
 * over accounts.
 */
public record ArticleFigure(String article, long views30d, int ratings90d, long ratingPoints90d) {

  ArticleFigure plus(ArticleFigure other) {
    return new ArticleFigure(article, views30d + other.views30d, ratings90d + other.ratings90d,
        ratingPoints90d + other.ratingPoints90d);
  }
}
