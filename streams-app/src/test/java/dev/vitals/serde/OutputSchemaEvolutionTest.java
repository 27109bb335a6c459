package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vitals.schema.AccountHealth;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.ChurnAlert;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The output contracts as released before onboarding (v1: no adoption values, no ONBOARDING_STALLED) against the
 * current ones: consumers of the health topic may upgrade in any order; a consumer of the alert topic reads every
 * alert of the rules it knows, and needs the current schema only for the new rule (an Avro enum without a default
 * symbol cannot read a symbol it lacks, so the new symbol is appended and the old ones keep their positions).
 */
class OutputSchemaEvolutionTest {
  private static final String SCOPE = "output-schema-evolution";
  private final VitalsSerdes serdes = VitalsSerdes.mock(SCOPE);

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistryScope.drop(SCOPE);
  }

  @Test
  void accountHealthWithAdoptionValuesReadsTheReleasedVersionAndDiffersForOlderReadersOnlyInTheNewRule() {
    Schema released = Records.releasedVersion("AccountHealth", 1);

    assertThat(compatibility(AccountHealth.getClassSchema(), released)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    // the adoption values are ignored by an older reader; only an open ONBOARDING_STALLED is beyond it
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(released, AccountHealth.getClassSchema())
        .getResult().getIncompatibilities())
        .extracting(SchemaCompatibility.Incompatibility::getType, SchemaCompatibility.Incompatibility::getMessage)
        .containsExactly(tuple(
            SchemaCompatibility.SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS, "[ONBOARDING_STALLED]"));
  }

  @Test
  void currentAlertsAreReadWithTheReleasedVersionAndReleasedAlertsWithTheCurrentOne() {
    Schema released = Records.releasedVersion("ChurnAlert", 1);

    assertThat(compatibility(ChurnAlert.getClassSchema(), released)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(ruleSymbols(ChurnAlert.getClassSchema()).subList(0, ruleSymbols(released).size()))
        .containsExactlyElementsOf(ruleSymbols(released));
  }

  @Test
  void aConsumerOnTheReleasedVersionReadsAnAlertOfARuleItKnows() throws IOException {
    ChurnAlert alert = Records.alert();
    alert.setRule(AlertRule.RENEWAL_AT_RISK);
    byte[] framed = serdes.avro(ChurnAlert.class).serializer().serialize("vitals.churn-alerts", alert);

    GenericRecord read = readWith(framed, Records.releasedVersion("ChurnAlert", 1));

    assertThat(read.get("rule").toString()).isEqualTo("RENEWAL_AT_RISK");
    assertThat(read.get("alertId").toString()).isEqualTo(alert.getAlertId());
  }

  @Test
  void aConsumerOnTheReleasedVersionFailsOnAnAlertOfTheRuleAddedSinceNamingTheSymbol() {
    // given: an alert of the rule appended after v1
    ChurnAlert alert = Records.alert();
    alert.setRule(AlertRule.ONBOARDING_STALLED);
    byte[] framed = serdes.avro(ChurnAlert.class).serializer().serialize("vitals.churn-alerts", alert);

    // then: an Avro enum cannot read a symbol it lacks; the consumer must upgrade before the rule first fires
    assertThatThrownBy(() -> readWith(framed, Records.releasedVersion("ChurnAlert", 1)))
        .isInstanceOf(AvroTypeException.class)
        .hasMessageContaining("ONBOARDING_STALLED");
  }

  private GenericRecord readWith(byte[] framed, Schema reader) throws IOException {
    Schema writer = serdes.registry().schemaById(ConfluentWireFormat.schemaId(framed));
    byte[] body = Arrays.copyOfRange(framed, ConfluentWireFormat.HEADER_SIZE, framed.length);
    return new GenericDatumReader<GenericRecord>(writer, reader)
        .read(null, DecoderFactory.get().binaryDecoder(body, null));
  }

  private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
  }

  private static List<String> ruleSymbols(Schema churnAlert) {
    return churnAlert.getField("rule").schema().getEnumSymbols();
  }
}
