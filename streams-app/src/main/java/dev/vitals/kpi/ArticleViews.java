package dev.vitals.kpi;

import java.util.Map;
import java.util.TreeMap;

/**
 * An account's help-article views per UTC day and article (DOC_VIEWED, the article is the event's {@code feature}):
 * what "the most viewed articles" is counted from. Kept like the usage days, for the usage windows and pruned with
 * them; at most {@value #MAX_ARTICLES_PER_DAY} articles a day (later new ones are not counted per article, their
 * views still count in the day's total), so a day's entries stay bounded whatever upstream sends.
 */
public final class ArticleViews {
  static final int MAX_ARTICLES_PER_DAY = 32;

  /** Epoch day to article to views. */
  public final TreeMap<Long, Map<String, Long>> days = new TreeMap<>();

  public ArticleViews() {}

  /** Counts {@code count} views of {@code article} on {@code day}; false when the day's cap left it out. */
  boolean record(long day, String article, int count) {
    Map<String, Long> views = days.computeIfAbsent(day, d -> new TreeMap<>());
    if (views.size() >= MAX_ARTICLES_PER_DAY && !views.containsKey(article)) {
      return false;
    }
    views.merge(article, (long) count, Long::sum);
    return true;
  }

  /** Views per article over the days {@code [fromDay, toDay]}. */
  public Map<String, Long> between(long fromDay, long toDay) {
    Map<String, Long> total = new TreeMap<>();
    days.subMap(fromDay, true, toDay, true).values()
        .forEach(views -> views.forEach((article, count) -> total.merge(article, count, Long::sum)));
    return total;
  }

  /** The views of {@code article} on {@code day}; null when none are kept. */
  public Long viewsOf(long day, String article) {
    Map<String, Long> views = days.get(day);
    return views == null ? null : views.get(article);
  }

  /** Puts back one stored day-and-article count. */
  public void restore(long day, String article, long views) {
    days.computeIfAbsent(day, d -> new TreeMap<>()).put(article, views);
  }

  void prune(long oldestDay) {
    days.headMap(oldestDay, false).clear();
  }
}
