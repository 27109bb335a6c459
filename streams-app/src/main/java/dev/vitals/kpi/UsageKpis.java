package dev.vitals.kpi;

/**
 * Product-usage KPIs (SPEC §3), windows trailing from the account's latest event time.
 *
 * @param activeUsers30d distinct non-null userIds with any usage event in the last 30 days
 * @param seats seats purchased, from the latest billing event that set them; null when unknown
 * @param licenseUtilization activeUsers30d / seats; null when seats are unknown or zero
 * @param usageEvents7d sum of {@code count} of usage events in the last 7 days
 * @param usageWeeklyAvgPrior28d the same sum over the 28 days before those 7, divided by 4
 * @param usageTrend usageEvents7d / usageWeeklyAvgPrior28d; null when the prior average is 0
 * @param keyFeaturesTotal size of the profile's keyFeatures
 * @param keyFeaturesUsed30d key features with a FEATURE_USED event in the last 30 days
 * @param keyFeatureAdoption keyFeaturesUsed30d / keyFeaturesTotal; null without key features
 * @param apiCalls7d sum of {@code count} over API_CALL events in the last 7 days
 * @param apiErrors7d sum of {@code errorCount} over the same events
 * @param apiErrorRate apiErrors7d / apiCalls7d; null without API calls
 * @param daysSinceLastUsage whole days from the last usage event to asOf; for a subscriber that never used the
 *     product, from the start of its subscription (no usage is data, not a gap); null otherwise when never used
 * @param powerUsers30d users active on at least 15 distinct days of the last 30
 * @param docViews30d sum of {@code count} of DOC_VIEWED events in the last 30 days
 * @param neverUsed true for a subscriber without any usage event: daysSinceLastUsage counts from its subscription
 */
public record UsageKpis(
    int activeUsers30d,
    Integer seats,
    Double licenseUtilization,
    long usageEvents7d,
    double usageWeeklyAvgPrior28d,
    Double usageTrend,
    int keyFeaturesTotal,
    int keyFeaturesUsed30d,
    Double keyFeatureAdoption,
    long apiCalls7d,
    long apiErrors7d,
    Double apiErrorRate,
    Integer daysSinceLastUsage,
    int powerUsers30d,
    long docViews30d,
    boolean neverUsed) {

  /** True when the account has sent any usage event that is still inside the retained history. */
  public boolean hasData() {
    return daysSinceLastUsage != null;
  }
}
