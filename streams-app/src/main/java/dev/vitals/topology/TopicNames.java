package dev.vitals.topology;

/** The topic names; the defaults are SPEC §2's, and a deployment may rename any of them. */
public record TopicNames(
    String usage,
    String tickets,
    String billing,
    String surveys,
    String accounts,
    String costs,
    String health,
    String alerts,
    String deadLetters) {

  public static TopicNames defaults() {
    return new TopicNames("vitals.usage", "vitals.tickets", "vitals.billing", "vitals.surveys", "vitals.accounts",
        "vitals.costs", "vitals.account-health", "vitals.churn-alerts", "vitals.dlq");
  }
}
