package dev.vitals.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.ChurnAlert;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assertions over a stream of {@link ChurnAlert}s. */
public final class AlertAssertions {
  private AlertAssertions() {}

  /**
   * At most one open alert per account and rule: for each (account, rule) the alerts alternate RAISED, RESOLVED,
   * RAISED..., and every RESOLVED carries the alertId of the RAISED it closes.
   */
  public static void assertAtMostOneOpenPerAccountAndRule(List<ChurnAlert> alerts) {
    Map<String, ChurnAlert> open = new HashMap<>();
    for (ChurnAlert alert : alerts) {
      String key = alert.getAccountId() + "/" + alert.getRule();
      ChurnAlert raised = open.get(key);
      if (alert.getState() == AlertState.RAISED) {
        assertThat(raised).as("second RAISED for %s while %s is open", key, raised).isNull();
        open.put(key, alert);
      } else {
        assertThat(raised).as("RESOLVED for %s without an open alert", key).isNotNull();
        assertThat(alert.getAlertId()).as("alertId of the RESOLVED %s", key).isEqualTo(raised.getAlertId());
        open.remove(key);
      }
    }
  }

  public static List<ChurnAlert> ofRule(List<ChurnAlert> alerts, AlertRule rule) {
    return alerts.stream().filter(alert -> alert.getRule() == rule).toList();
  }
}
