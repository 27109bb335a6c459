package dev.vitals.scoring;

import dev.vitals.kpi.UsageKpis;
import java.util.List;
import java.util.function.Supplier;

/** Reads the usage factors' inputs from {@link UsageKpis}. */
final class UsageObservations {
  private UsageObservations() {}

  static List<Observation> of(UsageKpis k) {
    return List.of(licenseUtilization(k), usageTrend(k), keyFeatureAdoption(k), apiErrorRate(k), lastUsage(k));
  }

  private static Observation licenseUtilization(UsageKpis k) {
    if (k.licenseUtilization() == null) {
      return Observation.absent(FactorId.LICENSE_UTILIZATION);
    }
    Supplier<String> detail = () -> "license utilisation " + Texts.percent(k.licenseUtilization())
        + " (" + k.activeUsers30d() + "/" + k.seats() + " seats)";
    return new Observation(FactorId.LICENSE_UTILIZATION, k.licenseUtilization(), detail);
  }

  private static Observation usageTrend(UsageKpis k) {
    if (k.usageTrend() == null) {
      return Observation.absent(FactorId.USAGE_TREND);
    }
    Supplier<String> detail = () -> "usage over 7 days at " + Texts.percent(k.usageTrend()) + " of the prior weekly average ("
        + k.usageEvents7d() + " vs " + Math.round(k.usageWeeklyAvgPrior28d()) + " events)";
    return new Observation(FactorId.USAGE_TREND, k.usageTrend(), k.usageWeeklyAvgPrior28d(), detail);
  }

  private static Observation keyFeatureAdoption(UsageKpis k) {
    if (k.keyFeatureAdoption() == null) {
      return Observation.absent(FactorId.KEY_FEATURE_ADOPTION);
    }
    Supplier<String> detail = () -> "key-feature adoption " + Texts.percent(k.keyFeatureAdoption())
        + " (" + k.keyFeaturesUsed30d() + "/" + k.keyFeaturesTotal() + " features in 30 days)";
    return new Observation(FactorId.KEY_FEATURE_ADOPTION, k.keyFeatureAdoption(), detail);
  }

  private static Observation apiErrorRate(UsageKpis k) {
    if (k.apiErrorRate() == null) {
      return Observation.absent(FactorId.API_ERROR_RATE);
    }
    Supplier<String> detail = () -> "API error rate " + Texts.percent1(k.apiErrorRate()) + " ("
        + Texts.count(k.apiErrors7d(), "error", "errors") + " in " + Texts.count(k.apiCalls7d(), "call", "calls")
        + ", 7 days)";
    return new Observation(FactorId.API_ERROR_RATE, k.apiErrorRate(), detail);
  }

  private static Observation lastUsage(UsageKpis k) {
    Integer days = k.daysSinceLastUsage();
    if (days == null) {
      return Observation.absent(FactorId.DAYS_SINCE_LAST_USAGE);
    }
    Supplier<String> detail;
    if (k.neverUsed()) {
      detail = () -> "no usage since the subscription started " + (days == 0 ? "today"
          : Texts.count(days, "day", "days") + " ago");
    } else {
      String when = days == 0 ? "today" : Texts.count(days, "day", "days") + " ago";
      detail = () -> "last usage " + when + ", " + Texts.count(k.activeUsers30d(), "active user", "active users")
          + " in 30 days";
    }
    return new Observation(FactorId.DAYS_SINCE_LAST_USAGE, days.doubleValue(), detail);
  }
}
