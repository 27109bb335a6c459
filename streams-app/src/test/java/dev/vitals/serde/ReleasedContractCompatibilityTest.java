package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.UsageEvent;
import dev.vitals.testing.ReleasedContracts;
import dev.vitals.testing.RepositoryRoot;
import dev.vitals.testing.SchemaEdits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every contract in {@code schemas/src/main/avro} against its released versions in {@code schemas/versions}, so that
 * a change the registry would refuse, or one that breaks consumers still on the previous release, fails the build
 * here, with the field named, rather than in production:
 *
 * <ul>
 *   <li>BACKWARD, transitively: the current version reads records of every released version (Vitals reads inputs
 *       from producers on any of them; the registry, BACKWARD as Confluent's default, refuses the current version
 *       under a subject that holds the previous one otherwise, and the pipeline stops at its first output record);
 *   <li>FORWARD: the previous released version reads records of the current one (consumers of the outputs upgrade
 *       after Vitals does), except for the differences listed in {@link #ACCEPTED_FORWARD_BREAKS}.
 * </ul>
 */
class ReleasedContractCompatibilityTest {
  private static final Path CONTRACTS = RepositoryRoot.resolve("schemas/src/main/avro");

  /**
   * Forward breaks released on purpose, by contract and released version: an Avro enum cannot read a symbol it
   * lacks, so an older consumer fails on a record carrying a new rule (ONBOARDING_STALLED, added with onboarding) and
   * reads every other record. New symbols are appended so the old ones keep their positions. Adding an entry here is
   * a release decision; document it in docs/operations.md.
   */
  private static final Map<String, Set<String>> ACCEPTED_FORWARD_BREAKS = Map.of(
      "AccountHealth v2", Set.of("MISSING_ENUM_SYMBOLS: [ONBOARDING_STALLED]"),
      "ChurnAlert v1", Set.of("MISSING_ENUM_SYMBOLS: [ONBOARDING_STALLED]"));

  static Stream<String> contracts() throws IOException {
    try (Stream<Path> files = Files.list(CONTRACTS)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".avsc"))
          .map(name -> name.substring(0, name.length() - ".avsc".length()))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void theCurrentVersionReadsRecordsOfEveryReleasedVersion(String contract) {
    Schema current = current(contract);
    List<Schema> released = ReleasedContracts.all(contract);

    for (int v = 1; v <= released.size(); v++) {
      assertThat(problems(current, released.get(v - 1)))
          .as("%s: the current version cannot read records written with released v%d (BACKWARD). A registry in "
              + "BACKWARD mode refuses it; give new fields a default, never remove or retype one", contract, v)
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void thePreviousReleasedVersionReadsRecordsOfTheCurrentOne(String contract) {
    List<Schema> released = ReleasedContracts.all(contract);
    if (released.isEmpty()) {
      return; // never released: no consumer can hold an older version
    }
    String previous = contract + " v" + released.size();

    assertThat(problems(released.get(released.size() - 1), current(contract)))
        .as("%s: a consumer on released %s cannot read records of the current version (FORWARD). Remove a field only "
            + "if it had a default, change no type; an accepted break goes in ACCEPTED_FORWARD_BREAKS", contract,
            previous)
        .isSubsetOf(ACCEPTED_FORWARD_BREAKS.getOrDefault(previous, Set.of()));
  }

  @Test
  void theOutputContractsHaveReleasedVersionsToCompareWith() {
    assertThat(ReleasedContracts.all("AccountHealth")).isNotEmpty();
    assertThat(ReleasedContracts.all("ChurnAlert")).isNotEmpty();
  }

  @Test
  void aNewFieldWithoutDefaultIsReportedAsUnreadableOldDataNamingTheField() {
    // given: the current usage contract plus a required field, as a careless change would add it
    Schema current = UsageEvent.getClassSchema();
    Schema careless = SchemaEdits.withField(current, new Schema.Field("region", Schema.create(Schema.Type.STRING)));

    // then: it cannot read records of the current version, and the problem names the field
    assertThat(problems(careless, current)).containsExactly("READER_FIELD_MISSING_DEFAULT_VALUE: region");
  }

  /** Why {@code reader} cannot read records written with {@code writer}, as "TYPE: detail"; empty when it can. */
  private static List<String> problems(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()
        .stream().map(ReleasedContractCompatibilityTest::describe).toList();
  }

  private static String describe(Incompatibility incompatibility) {
    return incompatibility.getType() + ": " + incompatibility.getMessage();
  }

  /** The contract as this build generated it from the .avsc: what Vitals registers and reads with. */
  private static Schema current(String contract) {
    try {
      return SpecificData.get().getSchema(Class.forName("dev.vitals.schema." + contract));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("schemas/src/main/avro/" + contract + ".avsc generated no class", e);
    }
  }
}
