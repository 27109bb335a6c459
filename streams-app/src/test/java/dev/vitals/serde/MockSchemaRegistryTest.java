package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.UsageEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

  private static final String SCOPE = "mock-registry-test";

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistryScope.drop(SCOPE);
  }

  @Test
  void idsAreSequentialAndAnIdenticalSchemaKeepsItsId() {
    MockSchemaRegistry registry = new MockSchemaRegistry("ids");

    int usage = registry.register("vitals.usage-value", UsageEvent.getClassSchema());
    int survey = registry.register("vitals.surveys-value", SurveyResponse.getClassSchema());
    int again = registry.register("vitals.usage-value", new Schema.Parser().parse(UsageEvent.getClassSchema().toString()));

    assertThat(List.of(usage, survey, again)).containsExactly(1, 2, 1);
    assertThat(registry.versions("vitals.usage-value")).hasSize(1);
    assertThat(registry.schemaById(2)).isEqualTo(SurveyResponse.getClassSchema());
  }

  @Test
  void lookupFindsOnlyWhatIsRegisteredUnderThatSubject() {
    MockSchemaRegistry registry = new MockSchemaRegistry("lookup");
    int id = registry.register("a-value", UsageEvent.getClassSchema());

    assertThat(registry.lookup("a-value", UsageEvent.getClassSchema())).hasValue(id);
    assertThat(registry.lookup("b-value", UsageEvent.getClassSchema())).isEmpty();
    assertThat(registry.lookup("a-value", SurveyResponse.getClassSchema())).isEmpty();
    assertThat(registry.subjects()).containsExactly("a-value");
  }

  @Test
  void unknownIdThrowsUnknownSchemaIdNamingTheRegistry() {
    assertThatThrownBy(() -> new MockSchemaRegistry("empty").schemaById(3))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessage("schema id 3 not found in schema registry mock://empty");
  }

  @Test
  void sameNameIsSameRegistryUntilDropped() {
    MockSchemaRegistry first = MockSchemaRegistryScope.get(SCOPE);
    first.register("s", UsageEvent.getClassSchema());

    assertThat(MockSchemaRegistryScope.get(SCOPE)).isSameAs(first);
    assertThat(MockSchemaRegistryScope.get(SCOPE + "-other")).isNotSameAs(first);

    MockSchemaRegistryScope.drop(SCOPE);
    MockSchemaRegistryScope.drop(SCOPE + "-other");
    assertThat(MockSchemaRegistryScope.get(SCOPE)).isNotSameAs(first);
    assertThat(MockSchemaRegistryScope.get(SCOPE).subjects()).isEmpty();
  }

  @Test
  void concurrentRegistrationsAgreeOnIds() throws Exception {
    MockSchemaRegistry registry = new MockSchemaRegistry("concurrent");
    List<Schema> schemas = List.of(UsageEvent.getClassSchema(), SurveyResponse.getClassSchema());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Schema schema = schemas.get(i % 2);
        String subject = "topic-" + (i % 5) + "-value";
        calls.add(() -> registry.register(subject, schema));
      }
      Set<Integer> ids = new HashSet<>();
      for (Future<Integer> result : pool.invokeAll(calls)) {
        ids.add(result.get());
      }

      assertThat(ids).containsExactlyInAnyOrder(1, 2);
      assertThat(registry.subjects()).hasSize(5);
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
