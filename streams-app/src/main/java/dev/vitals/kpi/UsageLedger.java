package dev.vitals.kpi;

import dev.vitals.schema.UsageEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an account's usage events leave behind: per-day sums, each user's and each feature's active days, and
 * milestones. Everything is keyed by event day, so out-of-order events land where they belong and the KPIs can be
 * evaluated as of any day still retained (the 7-day score history needs that).
 */
public final class UsageLedger {
  public TreeMap<Long, DailyUsage> days = new TreeMap<>();
  public Map<String, ActiveDays> users = new HashMap<>();
  public Map<String, ActiveDays> features = new HashMap<>();
  /** Milestone names kept per account; later new names are ignored (a product has a handful of them). */
  static final int MAX_MILESTONES = 64;
  /** First time each MILESTONE name was reached (onboarding KPIs). */
  public Map<String, Instant> milestones = new TreeMap<>();
  public Instant firstApiCallAt;
  /**
   * When each feature was first used (time to value), kept past the 64 days its {@link ActiveDays} remember; as
   * bounded as the milestones: later new names are ignored.
   */
  public Map<String, Instant> firstUses = new TreeMap<>();
  static final int MAX_FIRST_USES = 64;
  /** Help-article views per day and article (help-article reliance). */
  public final ArticleViews articles = new ArticleViews();
  /** Latest day with any usage, kept after its bucket is pruned so dormancy stays measurable. */
  public Long lastUsageDay;

  public UsageLedger() {}

  void record(UsageEvent event) {
    Instant at = event.getOccurredAt();
    long day = EventDay.of(at);
    int count = event.getCount();
    DailyUsage usage = days.computeIfAbsent(day, d -> new DailyUsage());
    usage.events += count;
    if (event.getUserId() != null) {
      users.computeIfAbsent(event.getUserId(), u -> ActiveDays.startingOn(day)).mark(day);
    }
    lastUsageDay = lastUsageDay == null ? day : Math.max(lastUsageDay, day);
    switch (event.getKind()) {
      case API_CALL -> {
        usage.apiCalls += count;
        usage.apiErrors += event.getErrorCount();
        firstApiCallAt = earlier(firstApiCallAt, at);
      }
      case DOC_VIEWED -> {
        usage.docViews += count;
        if (event.getFeature() != null) {
          articles.record(day, event.getFeature(), count);
        }
      }
      case FEATURE_USED -> {
        if (event.getFeature() != null) {
          features.computeIfAbsent(event.getFeature(), f -> ActiveDays.startingOn(day)).mark(day);
          if (firstUses.size() < MAX_FIRST_USES || firstUses.containsKey(event.getFeature())) {
            firstUses.merge(event.getFeature(), at, UsageLedger::earlier);
          }
        }
      }
      case MILESTONE -> {
        if (event.getFeature() != null
            && (milestones.size() < MAX_MILESTONES || milestones.containsKey(event.getFeature()))) {
          milestones.merge(event.getFeature(), at, UsageLedger::earlier);
        }
      }
      case LOGIN -> { }
    }
  }

  /**
   * The usage KPIs as of {@code asOf}; {@code subscribedSince} (null when not subscribed then) makes a subscriber's
   * silence count as no usage rather than as no data.
   */
  UsageKpis kpis(Instant asOf, Integer seats, List<String> keyFeatures, Instant subscribedSince) {
    long today = EventDay.of(asOf);
    long activeFrom = today - KpiWindows.ACTIVE_DAYS + 1;
    long recentFrom = today - KpiWindows.RECENT_USAGE_DAYS + 1;
    long priorFrom = recentFrom - KpiWindows.PRIOR_USAGE_DAYS;

    int activeUsers = 0;
    int powerUsers = 0;
    for (ActiveDays user : users.values()) {
      int activeDays = user.countBetween(activeFrom, today);
      if (activeDays > 0) {
        activeUsers++;
      }
      if (activeDays >= KpiWindows.POWER_USER_MIN_DAYS) {
        powerUsers++;
      }
    }
    long recentEvents = 0;
    long priorEvents = 0;
    long apiCalls = 0;
    long apiErrors = 0;
    long docViews = 0;
    for (Map.Entry<Long, DailyUsage> entry : days.subMap(priorFrom, true, today, true).entrySet()) {
      long day = entry.getKey();
      DailyUsage usage = entry.getValue();
      if (day >= recentFrom) {
        recentEvents += usage.events;
        apiCalls += usage.apiCalls;
        apiErrors += usage.apiErrors;
      } else {
        priorEvents += usage.events;
      }
      if (day >= activeFrom) {
        docViews += usage.docViews;
      }
    }
    Integer lastUsage = daysSinceLastUsage(today);
    boolean neverUsed = lastUsage == null && lastUsageDay == null && subscribedSince != null;
    double priorWeeklyAverage = priorEvents / (KpiWindows.PRIOR_USAGE_DAYS / 7.0);
    int keyFeaturesUsed = (int) keyFeatures.stream()
        .filter(f -> features.containsKey(f) && features.get(f).anyBetween(activeFrom, today))
        .count();

    return new UsageKpis(
        activeUsers,
        seats,
        seats == null || seats == 0 ? null : (double) activeUsers / seats,
        recentEvents,
        priorWeeklyAverage,
        priorWeeklyAverage == 0 ? null : recentEvents / priorWeeklyAverage,
        keyFeatures.size(),
        keyFeaturesUsed,
        keyFeatures.isEmpty() ? null : (double) keyFeaturesUsed / keyFeatures.size(),
        apiCalls,
        apiErrors,
        apiCalls == 0 ? null : (double) apiErrors / apiCalls,
        neverUsed ? Integer.valueOf((int) Math.max(0, today - EventDay.of(subscribedSince))) : lastUsage,
        powerUsers,
        docViews,
        neverUsed);
  }

  /** The key features used (FEATURE_USED) in the 30 days up to {@code asOf}, in the profile's order. */
  public List<String> keyFeaturesUsed(List<String> keyFeatures, Instant asOf) {
    long today = EventDay.of(asOf);
    long activeFrom = today - KpiWindows.ACTIVE_DAYS + 1;
    return keyFeatures.stream()
        .filter(f -> features.containsKey(f) && features.get(f).anyBetween(activeFrom, today))
        .toList();
  }

  private Integer daysSinceLastUsage(long today) {
    Long lastDay = days.floorKey(today);
    if (lastDay == null && lastUsageDay != null && lastUsageDay <= today) {
      lastDay = lastUsageDay;
    }
    return lastDay == null ? null : (int) (today - lastDay);
  }

  /** Forgets days, users and features with nothing on or after {@code oldestDay}. */
  void prune(long oldestDay) {
    days.headMap(oldestDay, false).clear();
    articles.prune(oldestDay);
    users.values().removeIf(user -> user.endsBefore(oldestDay));
    features.values().removeIf(feature -> feature.endsBefore(oldestDay));
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
