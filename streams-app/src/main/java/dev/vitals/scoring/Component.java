package dev.vitals.scoring;

import java.util.Locale;

/** The four parts of the health score (SPEC §4); each is scored 0–100 from its own KPIs. */
public enum Component {
  USAGE,
  SUPPORT,
  FINANCIAL,
  SENTIMENT;

  /** Made once: the label is read for every factor of every health record. */
  private final String label = name().toLowerCase(Locale.ROOT);

  /** Lower-case name as used in the YAML configuration, the Avro output and dashboards. */
  public String label() {
    return label;
  }
}
