package dev.vitals.topology;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.AlertState;
import dev.vitals.schema.ChurnAlert;
import dev.vitals.schema.Segment;
import dev.vitals.testing.PipelineDriver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A customer who goes silent is still scored as days pass (issue 13): as each day starts on the event clock, the
 * account is scored as of that day's start, and what it decides carries that time.
 */
class TimePassingTest {
  private final PipelineDriver pipeline = new PipelineDriver();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void shouldLowerASilentAccountsScoreAsDaysPass() {
    // given: acme used the product daily for ten days, then went silent; globex goes on
    givenActiveUntilMarch10("acme");
    List<AccountHealth> acme = new ArrayList<>();

    // when: globex's events move the event clock through March
    for (int day = 11; day <= 25; day++) {
      pipeline.send(login("globex", march(day) + "T12:00:00Z", "gus")).flush();
      pipeline.healthRecords().stream().filter(h -> h.getAccountId().equals("acme")).forEach(acme::add);
    }

    // then: acme is scored again each day, as of the day's start, lower and lower as the silence lasts
    assertThat(acme).extracting(AccountHealth::getAsOf).contains(at("2026-03-11T00:00:00Z"),
        at("2026-03-25T00:00:00Z"));
    AccountHealth first = acme.get(0);
    AccountHealth last = acme.get(acme.size() - 1);
    assertThat(last.getScore()).isLessThan(first.getScore() - 10);
    assertThat(last.getKpis().getDaysSinceLastUsage()).isEqualTo(15);
    assertThat(acme).extracting(AccountHealth::getScore).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void shouldStampAnAlertWithTheTimeItWasDecidedNotTheAccountsLastEvent() {
    givenActiveUntilMarch10("acme");

    for (int day = 11; day <= 26; day++) {
      pipeline.send(login("globex", march(day) + "T12:00:00Z", "gus")).flush();
    }

    // acme's last usage was on March 10: 14 days without usage on March 24, decided as that day started
    List<ChurnAlert> dormant = pipeline.alerts().stream()
        .filter(alert -> alert.getAccountId().equals("acme") && alert.getRule() == AlertRule.DORMANT)
        .toList();
    assertThat(dormant).singleElement().satisfies(alert -> {
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getOccurredAt()).isEqualTo(at("2026-03-24T00:00:00Z"));
    });
  }

  private void givenActiveUntilMarch10(String account) {
    pipeline.send(profile(account, "2026-03-01T00:00:00Z", Segment.SMB).build(),
        subscribed(account, "2026-03-01T00:00:00Z", 20_000, 4, "2027-03-01"),
        profile("globex", "2026-03-01T00:00:00Z", Segment.SMB).build(),
        subscribed("globex", "2026-03-01T00:00:00Z", 20_000, 4, "2027-03-01"));
    for (int day = 1; day <= 10; day++) {
      for (String user : List.of("ana", "bo", "cy")) {
        pipeline.send(login(account, march(day) + "T09:00:00Z", user), login("globex", march(day) + "T09:00:00Z",
            user));
      }
    }
    pipeline.flush();
    pipeline.healthRecords();
    pipeline.alerts();
  }

  private static String march(int day) {
    return LocalDate.of(2026, 3, day).toString();
  }
}
