package dev.vitals.kpi;

import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.UsageEvent;
import java.util.List;

/**
 * The four account event sources whose freshness Vitals tracks (SPEC §8, data freshness), each named as its topic's
 * suffix ({@code vitals.usage}, {@code vitals.tickets}, …): the label of the freshness series and the keys of the
 * {@code pipeline.dataGap} configuration. Profiles are not a source here: the accounts topic is compacted and
 * quiet by nature.
 */
public enum DataSource {
  USAGE("usage"),
  TICKETS("tickets"),
  BILLING("billing"),
  SURVEYS("surveys");

  private static final List<DataSource> ALL = List.of(values());

  private final String label;

  DataSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Every source, in declaration order (an unmodifiable list: {@code values()} copies its array on each call). */
  public static List<DataSource> all() {
    return ALL;
  }

  /** The source of an account event; null for a profile, which is not a source. */
  public static DataSource of(Object event) {
    if (event instanceof UsageEvent) {
      return USAGE;
    } else if (event instanceof TicketEvent) {
      return TICKETS;
    } else if (event instanceof BillingEvent) {
      return BILLING;
    } else if (event instanceof SurveyResponse) {
      return SURVEYS;
    }
    return null;
  }

  /** The source labelled {@code label}, or null. */
  public static DataSource ofLabel(String label) {
    for (DataSource source : ALL) {
      if (source.label.equals(label)) {
        return source;
      }
    }
    return null;
  }
}
