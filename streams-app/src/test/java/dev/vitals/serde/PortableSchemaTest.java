package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.UsageEvent;
import org.junit.jupiter.api.Test;

class PortableSchemaTest {

  @Test
  void shouldDropTheJavaOnlyStringPropertyEverywhere() {
    assertThat(UsageEvent.getClassSchema().toString()).contains(PortableSchema.JAVA_STRING_PROPERTY);

    assertThat(PortableSchema.of(UsageEvent.getClassSchema()).toString())
        .doesNotContain(PortableSchema.JAVA_STRING_PROPERTY);
    assertThat(PortableSchema.of(AccountHealth.getClassSchema()).toString())
        .doesNotContain(PortableSchema.JAVA_STRING_PROPERTY);
  }

  @Test
  void shouldKeepTheSchemaOtherwiseTheSame() {
    var portable = PortableSchema.of(UsageEvent.getClassSchema());

    assertThat(portable.getFullName()).isEqualTo("dev.vitals.schema.UsageEvent");
    assertThat(portable.getFields()).extracting(f -> f.name())
        .containsExactlyElementsOf(UsageEvent.getClassSchema().getFields().stream().map(f -> f.name()).toList());
    assertThat(portable.getField("count").defaultVal()).isEqualTo(1);
  }

  @Test
  void shouldRegisterThePortableSchemaUnderTheTopicSubject() {
    MockSchemaRegistry registry = new MockSchemaRegistry("portable-test");
    new VitalsSerdes(registry, true).avro(UsageEvent.class).serializer()
        .serialize("vitals.usage", Records.usage());

    assertThat(registry.lookup("vitals.usage-value", PortableSchema.of(UsageEvent.getClassSchema()))).isPresent();
  }
}
