package dev.vitals.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.ChurnAlert;
import dev.vitals.topology.TopicNames;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventTypeTest {

  @Test
  void everyInputEventExposesItsIdAccountTimeAndJsonName() {
    for (SpecificRecord event : SampleEvents.all()) {
      EventType type = EventType.of(event);

      assertThat(EventType.eventId(event)).isEqualTo(event.get(event.getSchema().getField("eventId").pos()));
      assertThat(EventType.accountId(event)).isEqualTo(event.get(event.getSchema().getField("accountId").pos()));
      assertThat(EventType.occurredAt(event)).isEqualTo(SampleEvents.AT);
      assertThat(EventType.fromJsonName(type.jsonName())).contains(type);
      assertThat(type.schema()).isEqualTo(event.getSchema());
    }
  }

  @Test
  void jsonNamesAndTopicsFollowTheSpec() {
    assertThat(EventType.jsonNames()).isEqualTo("usage, ticket, billing, survey, account, cost");
    assertThat(TopicNames.defaults().surveys()).isEqualTo("vitals.surveys");
    assertThat(TopicNames.defaults().accounts()).isEqualTo("vitals.accounts");
  }

  @Test
  void recordThatIsNotAnInputEventIsRefused() {
    assertThatThrownBy(() -> EventType.of(new ChurnAlert()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Vitals input event");
  }
}
