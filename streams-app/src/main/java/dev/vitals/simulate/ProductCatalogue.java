package dev.vitals.simulate;

import dev.vitals.schema.Segment;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The simulated product and the people around it: features, API endpoints, help articles (some
 * better written than others), the CS and support teams, regions, plans and prices per segment.
 */
final class ProductCatalogue {
  static final List<String> FEATURES = List.of(
      "dashboards", "reports", "alerts", "workflows", "integrations", "exports", "forecasting",
      "segments", "playbooks", "sso", "mobile-app", "data-import");

  static final List<String> API_ENDPOINTS = List.of(
      "/v1/events", "/v1/accounts", "/v1/reports", "/v1/exports", "/v1/webhooks");

  /** Help articles with how often they are read and how good they are (mean rating 1-5). */
  record Article(String slug, double readWeight, double quality) {}

  static final List<Article> ARTICLES = List.of(
      new Article("getting-started", 3.0, 4.5),
      new Article("build-a-dashboard", 2.0, 4.3),
      new Article("set-up-alerts", 1.5, 4.0),
      new Article("import-data", 1.5, 3.6),
      new Article("configure-sso", 1.0, 3.2),
      new Article("api-authentication", 1.2, 2.8),
      new Article("troubleshoot-sync", 2.5, 2.0),
      new Article("billing-faq", 0.6, 3.9));

  /**
   * CSMs by their directory handle, as CRMs hand them over: an id, not a person's name, because it travels as the
   * {@code csm} label of metrics and alerts (routing keys, never personal data).
   */
  static final List<String> CSMS = List.of("mlopez", "jokafor", "praman", "tbecker", "atanaka");

  static final List<String> AGENTS = List.of(
      "agent.ana", "agent.ben", "agent.chloe", "agent.dev", "agent.emeka", "agent.fatima", "agent.gus");

  /** Second-line agents who take escalated tickets. */
  static final List<String> SENIOR_AGENTS = List.of("agent.hana", "agent.ivan");

  static final List<String> REGIONS = List.of("NA", "NA", "NA", "NA", "EMEA", "EMEA", "EMEA", "APAC", "APAC", "LATAM");

  static final List<String> COMPANY_STEMS = List.of(
      "Northwind", "Bluepeak", "Copperleaf", "Driftwood", "Evergreen", "Foxglove", "Granite", "Harbor",
      "Ironbark", "Juniper", "Keystone", "Lakeside", "Meridian", "Nimbus", "Oakridge", "Pinecrest",
      "Quarry", "Redwood", "Silverline", "Tidewater");

  static final List<String> COMPANY_TRADES = List.of(
      "Logistics", "Analytics", "Health", "Robotics", "Foods", "Media", "Energy", "Finance", "Retail",
      "Labs", "Systems", "Travel", "Security", "Studios", "Freight");

  static final List<String> TICKET_CATEGORIES = List.of(
      "how-to", "bug", "integration", "access", "feature-request", "billing");
  static final double[] TICKET_CATEGORY_WEIGHTS = {30, 22, 15, 10, 12, 8};

  private ProductCatalogue() {}

  static int baseSeats(Segment segment) {
    return switch (segment) {
      case ENTERPRISE -> 200;
      case MID_MARKET -> 50;
      case SMB -> 10;
    };
  }

  static long pricePerSeatCents(Segment segment) {
    return switch (segment) {
      case ENTERPRISE -> 7_500;
      case MID_MARKET -> 6_000;
      case SMB -> 4_500;
    };
  }

  static String plan(Segment segment) {
    return switch (segment) {
      case ENTERPRISE -> "enterprise";
      case MID_MARKET -> "business";
      case SMB -> "starter";
    };
  }

  static String upgradedPlan(Segment segment) {
    return switch (segment) {
      case ENTERPRISE -> "enterprise-plus";
      case MID_MARKET -> "business-plus";
      case SMB -> "growth";
    };
  }

  /** Typical API calls per aggregated API_CALL event. */
  static int apiCallsPerBatch(Segment segment) {
    return switch (segment) {
      case ENTERPRISE -> 400;
      case MID_MARKET -> 120;
      case SMB -> 30;
    };
  }

  /** Expected tickets per weekday at normal support load. */
  static double ticketsPerDay(Segment segment) {
    return switch (segment) {
      case ENTERPRISE -> 0.2;
      case MID_MARKET -> 0.1;
      case SMB -> 0.05;
    };
  }

  /** Expected NPS answers per weekday. */
  static double npsAnswersPerDay(Segment segment) {
    return switch (segment) {
      case ENTERPRISE -> 0.12;
      case MID_MARKET -> 0.06;
      case SMB -> 0.035;
    };
  }

  static Article article(RandomGenerator rng) {
    double total = 0;
    for (Article article : ARTICLES) {
      total += article.readWeight();
    }
    double pick = rng.nextDouble() * total;
    for (Article article : ARTICLES) {
      pick -= article.readWeight();
      if (pick <= 0) {
        return article;
      }
    }
    return ARTICLES.get(ARTICLES.size() - 1);
  }

  static String ticketCategory(RandomGenerator rng, double complaintShare) {
    if (rng.nextDouble() < complaintShare) {
      return "complaint";
    }
    double total = 0;
    for (double weight : TICKET_CATEGORY_WEIGHTS) {
      total += weight;
    }
    double pick = rng.nextDouble() * total;
    for (int i = 0; i < TICKET_CATEGORY_WEIGHTS.length; i++) {
      pick -= TICKET_CATEGORY_WEIGHTS[i];
      if (pick <= 0) {
        return TICKET_CATEGORIES.get(i);
      }
    }
    return TICKET_CATEGORIES.get(0);
  }

  static <T> T pick(RandomGenerator rng, List<T> values) {
    return values.get(rng.nextInt(values.size()));
  }
}
