package dev.vitals.alert;

import dev.vitals.schema.Severity;
import java.util.function.Supplier;

/**
 * A rule that holds right now: how serious it is and why, in words a CSM can act on. The words are made only when
 * read (when the alert is raised): a rule is checked on every evaluation, and most checks raise nothing new.
 */
public record AlertCondition(Severity severity, Supplier<String> explanation) {

  public String reason() {
    return explanation.get();
  }
}
