package dev.vitals.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every factor the model knows, with its component and the KPI value its curve reads. The names are stable:
 * they are YAML keys, Avro output and dashboard labels, so renaming one is a breaking change.
 */
public enum FactorId {
  LICENSE_UTILIZATION(Component.USAGE, "active users (30 d) / seats, as a ratio (0.85 = 85 %)"),
  USAGE_TREND(Component.USAGE, "usage events (7 d) / prior 28-day weekly average, as a ratio (1 = steady)"),
  KEY_FEATURE_ADOPTION(Component.USAGE, "share of key features used in 30 d, as a ratio"),
  API_ERROR_RATE(Component.USAGE, "API errors / API calls over 7 d, as a ratio (0.02 = 2 %)"),
  DAYS_SINCE_LAST_USAGE(Component.USAGE, "whole days since the last usage event"),

  TICKETS_PER_ACTIVE_USER(Component.SUPPORT, "tickets opened in 30 days per active user"),
  ESCALATED_TICKETS(Component.SUPPORT, "open tickets that were escalated (count)"),
  FIRST_RESPONSE_HOURS(Component.SUPPORT, "median first response over 30 d, in hours"),
  RESOLUTION_HOURS(Component.SUPPORT, "median resolution time over 30 d, in hours"),
  FIRST_CONTACT_RESOLUTION(Component.SUPPORT, "FCR over 30 d, as a ratio"),

  CANCELLATION(Component.FINANCIAL, "1 when the subscription is cancelled, else 0"),
  PAYMENT_FAILURES(Component.FINANCIAL, "unpaid payment failures in 30 d (count)"),
  MRR_CHANGE_30D(Component.FINANCIAL, "MRR now / MRR 30 d ago - 1, as a ratio (-0.2 = down 20 %)"),
  RENEWAL_PROXIMITY(Component.FINANCIAL, "days to renewal (negative when overdue)"),

  NPS(Component.SENTIMENT, "NPS over 90 d, -100 to 100"),
  CSAT(Component.SENTIMENT, "CSAT over 90 d, percent satisfied 0 to 100"),
  CES(Component.SENTIMENT, "mean CES over 90 d, 1 to 7 (7 = easiest)");

  private final Component component;
  private final String input;
  /** Made once: the key is read for every factor of every evaluation. */
  private final String key = name().toLowerCase(Locale.ROOT);

  FactorId(Component component, String input) {
    this.component = component;
    this.input = input;
  }

  public Component component() {
    return component;
  }

  /** Stable snake_case name, e.g. {@code license_utilization}. */
  public String key() {
    return key;
  }

  /** What the curve's x axis is, in words (for docs and the rendered configuration). */
  public String input() {
    return input;
  }

  public static List<FactorId> of(Component component) {
    return Arrays.stream(values()).filter(f -> f.component == component).toList();
  }

  public static Optional<FactorId> byKey(Component component, String key) {
    return of(component).stream().filter(f -> f.key().equals(key)).findFirst();
  }
}
